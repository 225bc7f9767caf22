package io.llmtraces.ingest;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

/**
 * A Writer into a char array that refuses to grow past a limit, so writing a huge value stops
 * early instead of building megabytes only to throw them away. Not synchronized (StringWriter is).
 *
 * <p>A plain char array rather than a StringBuilder: a StringBuilder checks every appended char
 * for its compact Latin-1 form; here chunks are copied whole and the string is compacted once, at
 * the end.
 */
final class BoundedWriter extends Writer {
  private char[] buf;
  private int length;
  private final int limit;

  BoundedWriter(int limit, int initialCapacity) {
    this.limit = limit;
    this.buf = new char[Math.max(16, Math.min(limit, initialCapacity))];
  }

  /** Makes room for n more chars (n within the limit). */
  private void room(int n) {
    if (length + n > buf.length) {
      long wanted = Math.max((long) buf.length * 2, (long) length + n);
      buf = Arrays.copyOf(buf, (int) Math.min(wanted, limit));
    }
  }

  /** Appends what fits, then throws: the caller may still use the head it got. */
  @Override
  public void write(char[] cbuf, int off, int len) throws IOException {
    int n = Math.min(len, limit - length);
    room(n);
    System.arraycopy(cbuf, off, buf, length, n);
    length += n;
    if (n < len) {
      throw OutputLimitReached.INSTANCE;
    }
  }

  @Override
  public void write(String s, int off, int len) throws IOException {
    int n = Math.min(len, limit - length);
    room(n);
    s.getChars(off, off + n, buf, length);
    length += n;
    if (n < len) {
      throw OutputLimitReached.INSTANCE;
    }
  }

  @Override
  public void write(int c) throws IOException {
    if (length >= limit) {
      throw OutputLimitReached.INSTANCE;
    }
    room(1);
    buf[length++] = (char) c;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  @Override
  public String toString() {
    return new String(buf, 0, length);
  }
}
