package io.llmtraces.demo;

import com.google.protobuf.ByteString;
import java.util.random.RandomGenerator;

/** Trace and span ids: random non-zero bytes, as SDK id generators make them. */
final class Ids {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Ids() {}

  /** A random non-zero 64-bit span id. */
  static long spanId(RandomGenerator rng) {
    long id;
    do {
      id = rng.nextLong();
    } while (id == 0);
    return id;
  }

  /** The 8 big-endian bytes of a span id. */
  static ByteString bytes(long id) {
    byte[] b = new byte[8];
    for (int i = 7; i >= 0; i--) {
      b[i] = (byte) id;
      id >>>= 8;
    }
    return ByteString.copyFrom(b);
  }

  /** The 16 big-endian bytes of a trace id. */
  static ByteString bytes(long high, long low) {
    byte[] b = new byte[16];
    for (int i = 7; i >= 0; i--) {
      b[i] = (byte) high;
      b[i + 8] = (byte) low;
      high >>>= 8;
      low >>>= 8;
    }
    return ByteString.copyFrom(b);
  }

  /** Lower-case hex of a span id, 16 characters. */
  static String hex(long id) {
    char[] c = new char[16];
    for (int i = 15; i >= 0; i--) {
      c[i] = HEX[(int) (id & 0xf)];
      id >>>= 4;
    }
    return new String(c);
  }

  /** Lower-case hex of a trace id, 32 characters. */
  static String hex(long high, long low) {
    return hex(high) + hex(low);
  }
}
