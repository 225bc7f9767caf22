package io.llmtraces.otlp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a long string value as a JSON string, escaped exactly as Jackson escapes it by default,
 * but faster: Jackson looks at every char on its own, and span_json's attribute values (prompts,
 * completions, whole message documents) are kilobytes each, a fifth of the job's decoding thread.
 * Here the string's UTF-8 bytes are read eight at a time: a word with nothing to escape (control
 * characters, {@code "} and {@code \}) is copied in one store, any other byte by byte, and the
 * escaped text handed to the generator to write as it is.
 *
 * <p>Only for Jackson's UTF-8 generator; any other generator, and short or huge strings, get
 * Jackson's own {@code writeString}.
 */
final class JsonText {
  /** Below this many chars Jackson's own loop is as fast. */
  static final int MIN_CHARS = 64;
  /**
   * Above this many chars, Jackson's own streaming: such a value is larger than a span_json may
   * be, and escaping it whole first would only keep a buffer that large per thread.
   */
  static final int MAX_CHARS = 64 * 1024;

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  /** Eight bytes escaped at most six bytes each. */
  private static final int WORST_WORD = 48;
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  /** The escape of a byte below 0x20 (0: the generic {@code \}{@code u00XX}), as Jackson writes it. */
  private static final byte[] SHORT_ESCAPES = new byte[32];

  static {
    SHORT_ESCAPES['\b'] = 'b';
    SHORT_ESCAPES['\t'] = 't';
    SHORT_ESCAPES['\n'] = 'n';
    SHORT_ESCAPES['\f'] = 'f';
    SHORT_ESCAPES['\r'] = 'r';
  }

  /** The escaped text is built here, per thread: at most six bytes per char of MAX_CHARS. */
  private static final ThreadLocal<byte[][]> SCRATCH = ThreadLocal.withInitial(() -> new byte[][] {new byte[4096]});

  private JsonText() {}

  static void writeString(JsonGenerator g, String s) throws IOException {
    if (s.length() < MIN_CHARS || s.length() > MAX_CHARS || !(g instanceof UTF8JsonGenerator)) {
      g.writeString(s);
      return;
    }
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    byte[][] holder = SCRATCH.get();
    int length = escape(utf8, holder);
    g.writeRawUTF8String(holder[0], 0, length);
  }

  /** Escapes {@code utf8} into {@code holder[0]} (grown as needed); returns the escaped length. */
  static int escape(byte[] utf8, byte[][] holder) {
    byte[] out = holder[0];
    int n = utf8.length;
    int w = 0; // bytes written to out
    int i = 0;
    while (i < n) {
      if (out.length - w < WORST_WORD) {
        out = holder[0] = Arrays.copyOf(out, Math.max(out.length * 2, w + WORST_WORD + (n - i) + (n - i) / 8));
      }
      if (i + 8 <= n) {
        long word = (long) LONGS.get(utf8, i);
        if (!needsEscape(word)) { // the common case: eight bytes copied in one store
          LONGS.set(out, w, word);
          w += 8;
          i += 8;
          continue;
        }
      }
      // A word with (perhaps) something to escape, or the last bytes: one byte at a time.
      for (int end = Math.min(i + 8, n); i < end; i++) {
        byte b = utf8[i];
        if (needsEscape(b)) {
          w = escapeByte(b, out, w);
        } else {
          out[w++] = b;
        }
      }
    }
    return w;
  }

  private static boolean needsEscape(byte b) {
    return (b >= 0 && b < 0x20) || b == '"' || b == '\\';
  }

  /**
   * Whether any of eight bytes may need escaping: a byte below 0x20, a {@code "} or a {@code \}.
   * May say yes for a word that has none (a borrow across bytes); never says no for one that has.
   * Bytes of 0x80 and above (UTF-8 sequences) are never escaped.
   */
  private static boolean needsEscape(long word) {
    long below20 = (word - 0x20 * ONES) & ~word;
    long quote = word ^ ('"' * ONES);
    long backslash = word ^ ('\\' * ONES);
    long hits = below20 | ((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash);
    return (hits & HIGHS) != 0;
  }

  private static int escapeByte(byte b, byte[] out, int w) {
    out[w++] = '\\';
    if (b == '"' || b == '\\') {
      out[w++] = b;
      return w;
    }
    byte shortEscape = SHORT_ESCAPES[b];
    if (shortEscape != 0) {
      out[w++] = shortEscape;
      return w;
    }
    out[w++] = 'u';
    out[w++] = '0';
    out[w++] = '0';
    out[w++] = HEX[b >> 4];
    out[w++] = HEX[b & 0xF];
    return w;
  }
}
