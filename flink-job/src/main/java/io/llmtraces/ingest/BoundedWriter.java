package io.llmtraces.ingest;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

/**
 * A Writer into a char array that refuses to grow past a limit, so writing a huge value stops
 * early instead of building megabytes only to throw them away. Not synchronized (StringWriter is).
 *
 * <p>A plain char array rather than a StringBuilder: span_json is written through here for every
 * span, and a StringBuilder checks every appended char for its compact Latin-1 form; here chunks
 * are copied whole and the string is compacted once, at the end.
 */
final class BoundedWriter extends Writer {
  /** Thrown when the limit is reached; preallocated, since it is control flow, not an error. */
  static final class Overflow extends IOException {
    private static final long serialVersionUID = 1L;
    static final Overflow INSTANCE = new Overflow();

    private Overflow() {
      super("output limit reached", null);
      setStackTrace(new StackTraceElement[0]);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  private char[] buf;
  private int length;
  private final int limit;

  BoundedWriter(int limit, int initialCapacity) {
    this(limit, new char[Math.max(16, Math.min(limit, initialCapacity))]);
  }

  /** Writes into {@code buffer} (its content is overwritten) until it needs a larger one. */
  BoundedWriter(int limit, char[] buffer) {
    this.limit = limit;
    this.buf = buffer;
  }

  /** The array written into: the one given, or a larger one if it had to grow. */
  char[] buffer() {
    return buf;
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
      throw Overflow.INSTANCE;
    }
  }

  @Override
  public void write(String s, int off, int len) throws IOException {
    int n = Math.min(len, limit - length);
    room(n);
    s.getChars(off, off + n, buf, length);
    length += n;
    if (n < len) {
      throw Overflow.INSTANCE;
    }
  }

  @Override
  public void write(int c) throws IOException {
    if (length >= limit) {
      throw Overflow.INSTANCE;
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
