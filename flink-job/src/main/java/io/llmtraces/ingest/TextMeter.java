package io.llmtraces.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.llmtraces.otlp.OtlpJson;
import io.llmtraces.otlp.Strings;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.io.IOException;
import java.util.Set;

/**
 * Measures the UTF-8 bytes of prompt or completion text in an attribute value, looking through
 * JSON message structures so that {@code [{"role":"user","content":"hi"}]} counts 2 bytes and the
 * iftracer output {@code null} counts 0.
 *
 * <p>SDKs cut long values (1 KB is common), so JSON may end mid-way: it counts as far as it
 * parses, and the unparsable rest counts as raw text; a value that fails before any text (not
 * JSON after all, like "[INST] hi") counts whole as raw text. Nothing here throws.
 */
final class TextMeter {
  /** Values of these keys describe a message rather than being its text. */
  private static final Set<String> STRUCTURAL_KEYS =
      Set.of("role", "type", "finish_reason", "id", "tool_call_id", "index", "mime_type");

  private TextMeter() {}

  /**
   * Text bytes of a value. A {@code jsonDocument} value (iftracer/Traceloop entity input and
   * output, gen_ai.*.messages) is JSON by contract, so the literal {@code null} is no text;
   * any other value is read as JSON only when it starts like a JSON object or array.
   */
  static long bytes(AnyValue v, boolean jsonDocument) {
    return switch (v.getValueCase()) {
      case STRING_VALUE -> bytes(v.getStringValue(), jsonDocument);
      case ARRAY_VALUE -> {
        long sum = 0;
        for (AnyValue item : v.getArrayValue().getValuesList()) {
          sum += bytes(item, jsonDocument);
        }
        yield sum;
      }
      case KVLIST_VALUE -> {
        long sum = 0;
        for (KeyValue kv : v.getKvlistValue().getValuesList()) {
          if (!STRUCTURAL_KEYS.contains(kv.getKey())) {
            sum += bytes(kv.getValue(), jsonDocument);
          }
        }
        yield sum;
      }
      case INT_VALUE, DOUBLE_VALUE, BOOL_VALUE -> AnyValues.stringify(v, Integer.MAX_VALUE).length();
      default -> 0;
    };
  }

  static long bytes(String s, boolean jsonDocument) {
    int start = firstNonWhitespace(s);
    if (start == s.length()) {
      return 0;
    }
    char c = s.charAt(start);
    boolean json = c == '{' || c == '[' || (jsonDocument && (c == '"' || s.startsWith("null", start)));
    return json ? jsonBytes(s) : Strings.utf8Length(s);
  }

  private static long jsonBytes(String s) {
    long sum = 0;
    long lastGoodEnd = 0;
    String field = null;
    try (JsonParser p = OtlpJson.FACTORY.createParser(s)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.FIELD_NAME) {
          field = p.currentName();
        } else if (t.isScalarValue()) {
          if (t != JsonToken.VALUE_NULL && (field == null || !STRUCTURAL_KEYS.contains(field))) {
            sum += scalarBytes(p, t);
          }
          field = null;
        } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          field = null;
        }
        lastGoodEnd = p.currentLocation().getCharOffset();
      }
      return sum;
    } catch (IOException | RuntimeException cutOrInvalid) {
      if (sum == 0) {
        return Strings.utf8Length(s); // not JSON after all, or cut before its first text
      }
      int from = (int) Math.min(Math.max(lastGoodEnd, 0), s.length());
      return sum + (isBlank(s, from) ? 0 : Strings.utf8Length(s.subSequence(from, s.length())));
    }
  }

  private static long scalarBytes(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.VALUE_STRING) {
      return p.getTextLength(); // numbers and booleans are ASCII
    }
    char[] chars = p.getTextCharacters();
    int off = p.getTextOffset();
    int len = p.getTextLength();
    if (isBlank(chars, off, len)) {
      return 0;
    }
    return Strings.utf8Length(chars, off, len);
  }

  private static int firstNonWhitespace(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isBlank(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      if (!Character.isWhitespace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBlank(char[] chars, int off, int len) {
    for (int i = off; i < off + len; i++) {
      if (!Character.isWhitespace(chars[i])) {
        return false;
      }
    }
    return true;
  }
}
