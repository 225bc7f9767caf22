package io.llmtraces.trace;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Appends values to a growing byte array, for the job's compact state and shuffle forms. Strings
 * are UTF-8 after a varint of their length + 1 (0 is null); integers are zig-zag varints; doubles
 * 8 bytes, little-endian; nullable numbers have a presence byte first. {@link BinaryReader} reads
 * them back.
 */
final class BinaryWriter {
  private byte[] buf;
  private int pos;

  BinaryWriter(int capacity) {
    buf = new byte[capacity];
  }

  /** Forgets what was written, keeping the buffer for the next value. */
  void reset() {
    pos = 0;
  }

  /** What was written, as a new array of its length. */
  byte[] bytes() {
    return Arrays.copyOf(buf, pos);
  }

  /** The buffer itself: what was written is its first {@link #length()} bytes. */
  byte[] buffer() {
    return buf;
  }

  int length() {
    return pos;
  }

  /** Counts n bytes written directly into {@link #buffer()} past the length as written. */
  void skip(int n) {
    pos += n;
  }

  /**
   * A varint of always 5 bytes (padded with continuation bits), which {@link BinaryReader#varLong}
   * reads like any other: for a length written before the block it measures, once that is known.
   */
  void fixedVarInt(int v) {
    room(5);
    long z = ((long) v << 1) ^ (v >> 31); // zig-zag, as every varint here
    for (int i = 0; i < 4; i++) {
      buf[pos++] = (byte) ((z & 0x7F) | 0x80);
      z >>>= 7;
    }
    buf[pos++] = (byte) (z & 0x7F);
  }

  /** Makes room for n more bytes. */
  void room(int n) {
    if (pos + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
    }
  }

  void b(byte v) {
    room(1);
    buf[pos++] = v;
  }

  void bool(boolean v) {
    b(v ? (byte) 1 : 0);
  }

  void varLong(long v) {
    long z = (v << 1) ^ (v >> 63);
    room(10);
    while ((z & ~0x7FL) != 0) {
      buf[pos++] = (byte) ((z & 0x7F) | 0x80);
      z >>>= 7;
    }
    buf[pos++] = (byte) z;
  }

  void f64(double v) {
    i64(Double.doubleToRawLongBits(v));
  }

  /** 8 bytes, little-endian: for values that are random over 64 bits, where a varint only grows. */
  void i64(long bits) {
    room(8);
    for (int i = 0; i < 8; i++) {
      buf[pos++] = (byte) (bits >>> (8 * i));
    }
  }

  void optLong(Long v) {
    bool(v != null);
    if (v != null) {
      varLong(v);
    }
  }

  void optDouble(Double v) {
    bool(v != null);
    if (v != null) {
      f64(v);
    }
  }

  void str(String s) {
    if (s == null) {
      varLong(0);
      return;
    }
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    utf8(utf8, utf8.length);
  }

  /** A string given as its UTF-8 bytes {@code [0, length)}, in the encoding of {@link #str}. */
  void utf8(byte[] utf8, int length) {
    varLong(length + 1L);
    room(length);
    System.arraycopy(utf8, 0, buf, pos, length);
    pos += length;
  }
}
