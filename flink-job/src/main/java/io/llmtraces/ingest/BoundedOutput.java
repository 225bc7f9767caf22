package io.llmtraces.ingest;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An output stream into a byte array that is kept and reused, and that refuses to grow past a
 * limit, so writing a huge value stops early instead of building megabytes only to throw them
 * away. Not synchronized (ByteArrayOutputStream is).
 *
 * <p>span_json is written through one of these per thread, for every span, as the UTF-8 bytes
 * that go on to the span's encoding and to Parquet: no string is built in between.
 */
final class BoundedOutput extends OutputStream {
  private byte[] buf;
  private int length;
  private int limit;

  BoundedOutput(int initialCapacity) {
    this.buf = new byte[Math.max(16, initialCapacity)];
  }

  /** Empties it for an output of at most {@code limit} bytes; the array is kept. */
  void reset(int limit) {
    this.limit = limit;
    this.length = 0;
  }

  /** Replaces the output with these bytes, which must be within the limit. */
  void replaceWith(byte[] content) {
    length = 0;
    room(content.length);
    System.arraycopy(content, 0, buf, 0, content.length);
    length = content.length;
  }

  /** The array written into: bytes {@code [0, length())} are the output, until the next reset. */
  byte[] bytes() {
    return buf;
  }

  int length() {
    return length;
  }

  /** Makes room for n more bytes (n within the limit). */
  private void room(int n) {
    if (length + n > buf.length) {
      long wanted = Math.max((long) buf.length * 2, (long) length + n);
      buf = Arrays.copyOf(buf, (int) Math.min(wanted, limit));
    }
  }

  /** Appends what fits, then throws: the caller may still use the head it got. */
  @Override
  public void write(byte[] b, int off, int len) throws OutputLimitReached {
    int n = Math.min(len, limit - length);
    room(n);
    System.arraycopy(b, off, buf, length, n);
    length += n;
    if (n < len) {
      throw OutputLimitReached.INSTANCE;
    }
  }

  @Override
  public void write(int b) throws OutputLimitReached {
    if (length >= limit) {
      throw OutputLimitReached.INSTANCE;
    }
    room(1);
    buf[length++] = (byte) b;
  }

  /** The output decoded, for tests and messages. */
  @Override
  public String toString() {
    return new String(buf, 0, length, StandardCharsets.UTF_8);
  }
}
