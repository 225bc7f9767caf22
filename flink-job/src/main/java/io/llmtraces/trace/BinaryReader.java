package io.llmtraces.trace;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads what a {@link BinaryWriter} wrote, in the same order. */
final class BinaryReader {
  private final byte[] buf;
  private int pos;

  BinaryReader(byte[] buf) {
    this.buf = buf;
  }

  int position() {
    return pos;
  }

  void skip(int n) {
    pos += n;
  }

  byte b() {
    return buf[pos++];
  }

  boolean bool() {
    return b() != 0;
  }

  long varLong() {
    long z = 0;
    int shift = 0;
    byte b;
    do {
      b = buf[pos++];
      z |= (long) (b & 0x7F) << shift;
      shift += 7;
    } while ((b & 0x80) != 0);
    return (z >>> 1) ^ -(z & 1);
  }

  double f64() {
    return Double.longBitsToDouble(i64());
  }

  long i64() {
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits |= (buf[pos++] & 0xFFL) << (8 * i);
    }
    return bits;
  }

  Long optLong() {
    return bool() ? varLong() : null;
  }

  Double optDouble() {
    return bool() ? f64() : null;
  }

  /** A string as its UTF-8 bytes (a copy), null as null. */
  byte[] utf8() {
    long n = varLong();
    if (n == 0) {
      return null;
    }
    int len = (int) (n - 1);
    byte[] bytes = Arrays.copyOfRange(buf, pos, pos + len);
    pos += len;
    return bytes;
  }

  String str() {
    long n = varLong();
    if (n == 0) {
      return null;
    }
    int len = (int) (n - 1);
    String s = new String(buf, pos, len, StandardCharsets.UTF_8);
    pos += len;
    return s;
  }
}
