package io.llmtraces.otlp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;

/**
 * Tolerant reads of proto3-JSON scalars: int64 as numbers or strings, doubles as "NaN" or
 * "Infinity", null as the default value. The parser is positioned on the value's token.
 */
final class JsonScalars {
  private static final BigInteger UNSIGNED_64_LIMIT = BigInteger.ONE.shiftLeft(64);

  private JsonScalars() {}

  static String string(JsonParser p, String field) throws IOException, MalformedRecordException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (t == JsonToken.VALUE_NULL) {
      return "";
    }
    if (t != null && t.isScalarValue()) {
      return p.getText();
    }
    throw bad(p, field, "a string");
  }

  /** int64, uint64 and fixed64; unsigned values above Long.MAX_VALUE keep their bits. */
  static long int64(JsonParser p, String field) throws IOException, MalformedRecordException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return 0L;
    }
    if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      return p.getLongValue();
    }
    if (t == JsonToken.VALUE_NUMBER_INT
        || t == JsonToken.VALUE_NUMBER_FLOAT
        || t == JsonToken.VALUE_STRING) {
      Long v = parseLong(p.getText().trim());
      if (v != null) {
        return v;
      }
    }
    throw bad(p, field, "an integer");
  }

  /** uint32 / fixed32 / int32 fields: anything that fits in 32 bits, signed or unsigned. */
  static int int32(JsonParser p, String field) throws IOException, MalformedRecordException {
    long v = int64(p, field);
    if (v < Integer.MIN_VALUE || v > 0xFFFF_FFFFL) {
      throw bad(p, field, "a 32-bit integer");
    }
    return (int) v;
  }

  static double float64(JsonParser p, String field) throws IOException, MalformedRecordException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return 0d;
    }
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return p.getDoubleValue();
    }
    if (t == JsonToken.VALUE_STRING) {
      String s = p.getText().trim();
      switch (s) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          try {
            return Double.parseDouble(s);
          } catch (NumberFormatException e) {
            break;
          }
      }
    }
    throw bad(p, field, "a number");
  }

  static boolean bool(JsonParser p, String field) throws IOException, MalformedRecordException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
      return t == JsonToken.VALUE_TRUE;
    }
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    if (t == JsonToken.VALUE_STRING) {
      String s = p.getText().trim();
      if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
        return s.equalsIgnoreCase("true");
      }
    }
    throw bad(p, field, "a boolean");
  }

  /** Proto3 JSON bytes: standard base64, URL-safe base64 accepted too. */
  static byte[] base64(JsonParser p, String field) throws IOException, MalformedRecordException {
    String s = string(p, field);
    try {
      return Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      try {
        return Base64.getUrlDecoder().decode(s);
      } catch (IllegalArgumentException e2) {
        throw bad(p, field, "base64");
      }
    }
  }

  /** An enum as its number or its name; unknown names read as 0 (proto3 JSON's lenient mode). */
  static int enumValue(JsonParser p, String field, EnumNames names)
      throws IOException, MalformedRecordException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      String s = p.getText().trim();
      Long n = parseLong(s);
      if (n != null && n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE) {
        return n.intValue();
      }
      return names.numberOf(s);
    }
    return int32(p, field);
  }

  /** Looks an enum name up; returns 0 for names it does not know. */
  @FunctionalInterface
  interface EnumNames {
    int numberOf(String name);
  }

  /** Integer text as a long: signed, unsigned 64-bit, or an integral decimal like "1.5e3". */
  static Long parseLong(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      // fall through to the slower forms
    }
    try {
      BigDecimal d = new BigDecimal(s).stripTrailingZeros();
      // Bounds first: expanding "1e999999999" to an integer would take minutes and gigabytes.
      if (d.scale() > 0 || d.precision() - d.scale() > 20) {
        return null;
      }
      BigInteger big = d.toBigIntegerExact();
      if (big.signum() >= 0 && big.compareTo(UNSIGNED_64_LIMIT) < 0) {
        return big.longValue();
      }
      if (big.bitLength() < 64) {
        return big.longValue();
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // not an integer
    }
    return null;
  }

  static MalformedRecordException bad(JsonParser p, String field, String expected) {
    return new MalformedRecordException(
        MalformedRecordException.BAD_JSON,
        "field " + field + " must be " + expected + " (got " + p.currentToken() + ") at "
            + where(p));
  }

  static String where(JsonParser p) {
    var loc = p.currentTokenLocation();
    return "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
  }
}
