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
 * Here the string's UTF-8 bytes are scanned eight at a time for the few that need escaping
 * (control characters, {@code "} and {@code \}), the runs between them copied whole, and the
 * escaped text handed to the generator to write as it is.
 *
 * <p>Only for Jackson's UTF-8 generator; any other generator, and short strings, get Jackson's
 * own {@code writeString}.
 */
final class JsonText {
  /** Below this many chars Jackson's own loop is as fast. */
  static final int MIN_CHARS = 64;

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
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

  /** The escaped text is built here, per thread, and grows with the longest string seen. */
  private static final ThreadLocal<byte[][]> SCRATCH = ThreadLocal.withInitial(() -> new byte[][] {new byte[4096]});

  private JsonText() {}

  static void writeString(JsonGenerator g, String s) throws IOException {
    if (s.length() < MIN_CHARS || !(g instanceof UTF8JsonGenerator)) {
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
    if (out.length < n + 16) {
      out = holder[0] = new byte[Math.max(n + n / 8 + 16, out.length * 2)];
    }
    int pos = 0; // next byte of utf8 not yet written
    int w = 0; // bytes written to out
    int i = 0;
    while (i < n) {
      // Find the next byte that needs escaping, eight bytes at a time.
      while (i + 8 <= n && !needsEscape((long) LONGS.get(utf8, i))) {
        i += 8;
      }
      int end = Math.min(i + 8, n);
      while (i < end && !needsEscape(utf8[i])) {
        i++;
      }
      if (i == end) {
        continue; // a false alarm in a word, or the tail: scan on
      }
      int run = i - pos;
      if (out.length < w + run + 6) {
        out = holder[0] = Arrays.copyOf(out, Math.max(out.length * 2, w + run + 6 + (n - i)));
      }
      System.arraycopy(utf8, pos, out, w, run);
      w += run;
      w = escapeByte(utf8[i], out, w);
      pos = ++i;
    }
    int run = n - pos;
    if (out.length < w + run) {
      out = holder[0] = Arrays.copyOf(out, w + run);
    }
    System.arraycopy(utf8, pos, out, w, run);
    return w + run;
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
