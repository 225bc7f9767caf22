package io.llmtraces.ingest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.llmtraces.otlp.OtlpJson;
import io.llmtraces.otlp.Strings;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.io.IOException;
import java.util.Base64;

/**
 * Reads attribute values tolerantly: SDKs send the same number as int, double or string ("123"),
 * and the same flag as bool or "true". Strings of arrays and maps are JSON.
 */
final class AnyValues {
  private AnyValues() {}

  /** A scalar as text, an array or map as JSON, cut to {@code maxChars}; "" for an empty value. */
  static String stringify(AnyValue v, int maxChars) {
    return switch (v.getValueCase()) {
      case STRING_VALUE -> Strings.truncate(v.getStringValue(), maxChars);
      case BOOL_VALUE -> v.getBoolValue() ? "true" : "false";
      case INT_VALUE -> Long.toString(v.getIntValue());
      case DOUBLE_VALUE -> Double.toString(v.getDoubleValue());
      case BYTES_VALUE ->
          Strings.truncate(base64(v), maxChars);
      case ARRAY_VALUE, KVLIST_VALUE -> json(v, maxChars);
      default -> "";
    };
  }

  /** Text of a value for a canonical string field; null when absent or blank. */
  static String text(AnyValue v, int maxChars) {
    if (v == null) {
      return null;
    }
    return Strings.nonBlank(stringify(v, maxChars));
  }

  /** An integer from int, integral-or-rounded double, or numeric string; null otherwise. */
  static Long integer(AnyValue v) {
    switch (v.getValueCase()) {
      case INT_VALUE:
        return v.getIntValue();
      case DOUBLE_VALUE:
        return fromDouble(v.getDoubleValue());
      case STRING_VALUE:
        String s = v.getStringValue().trim();
        if (s.isEmpty() || !looksNumeric(s)) {
          return null;
        }
        try {
          return Long.parseLong(s);
        } catch (NumberFormatException e) {
          try {
            return fromDouble(Double.parseDouble(s));
          } catch (NumberFormatException e2) {
            return null;
          }
        }
      default:
        return null;
    }
  }

  /** A double from double, int or numeric string; null when absent, non-numeric or not finite. */
  static Double decimal(AnyValue v) {
    double d;
    switch (v.getValueCase()) {
      case DOUBLE_VALUE -> d = v.getDoubleValue();
      case INT_VALUE -> d = v.getIntValue();
      case STRING_VALUE -> {
        String s = v.getStringValue().trim();
        if (s.isEmpty() || !looksNumeric(s)) {
          return null;
        }
        try {
          d = Double.parseDouble(s);
        } catch (NumberFormatException e) {
          return null;
        }
      }
      default -> {
        return null;
      }
    }
    return Double.isFinite(d) ? d : null;
  }

  /** A flag from bool, "true"/"false" (any case), or 1/0; null when none of those. */
  static Boolean flag(AnyValue v) {
    switch (v.getValueCase()) {
      case BOOL_VALUE:
        return v.getBoolValue();
      case INT_VALUE:
        return v.getIntValue() == 1 ? Boolean.TRUE : v.getIntValue() == 0 ? Boolean.FALSE : null;
      case STRING_VALUE:
        String s = v.getStringValue().trim();
        if (s.equalsIgnoreCase("true") || s.equals("1")) {
          return Boolean.TRUE;
        }
        if (s.equalsIgnoreCase("false") || s.equals("0")) {
          return Boolean.FALSE;
        }
        return null;
      default:
        return null;
    }
  }

  private static Long fromDouble(double d) {
    if (!Double.isFinite(d) || Math.abs(d) > 9.0e18) {
      return null;
    }
    return Math.round(d);
  }

  // Keeps exceptions off the common path: "gpt-4o" or "n/a" never reach the number parsers.
  private static boolean looksNumeric(String s) {
    char c = s.charAt(0);
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
  }

  private static String base64(AnyValue v) {
    return Base64.getEncoder().encodeToString(v.getBytesValue().toByteArray());
  }

  /** Plain JSON (not OTLP/JSON): arrays as arrays, maps as objects, bytes as base64 strings. */
  private static String json(AnyValue v, int maxChars) {
    // Room for one char over the limit, which tells "exactly maxChars" from "cut": a char takes at
    // most 3 bytes of UTF-8, and a sequence cut at the end decodes past the chars kept.
    int maxBytes = maxChars >= Integer.MAX_VALUE / 3 - 1 ? Integer.MAX_VALUE : (maxChars + 1) * 3;
    BoundedOutput out = new BoundedOutput(64);
    out.reset(maxBytes);
    try {
      JsonGenerator g = OtlpJson.FACTORY.createGenerator(out, JsonEncoding.UTF8);
      writeJson(g, v);
      g.close();
    } catch (IOException overflow) {
      // keep the head the output got
    }
    return Strings.truncate(out.toString(), maxChars);
  }

  private static void writeJson(JsonGenerator g, AnyValue v) throws IOException {
    switch (v.getValueCase()) {
      case STRING_VALUE -> g.writeString(v.getStringValue());
      case BOOL_VALUE -> g.writeBoolean(v.getBoolValue());
      case INT_VALUE -> g.writeNumber(v.getIntValue());
      case DOUBLE_VALUE -> {
        double d = v.getDoubleValue();
        if (Double.isFinite(d)) {
          g.writeNumber(d);
        } else {
          g.writeString(Double.toString(d));
        }
      }
      case BYTES_VALUE -> g.writeString(base64(v));
      case ARRAY_VALUE -> {
        g.writeStartArray();
        for (AnyValue item : v.getArrayValue().getValuesList()) {
          writeJson(g, item);
        }
        g.writeEndArray();
      }
      case KVLIST_VALUE -> {
        g.writeStartObject();
        for (KeyValue kv : v.getKvlistValue().getValuesList()) {
          g.writeFieldName(kv.getKey());
          writeJson(g, kv.getValue());
        }
        g.writeEndObject();
      }
      default -> g.writeNull();
    }
  }
}
