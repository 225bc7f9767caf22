package io.llmtraces.ingest;

import java.io.IOException;
import java.io.Writer;

/**
 * A StringBuilder-backed Writer that refuses to grow past a limit, so writing a huge value stops
 * early instead of building megabytes only to throw them away. Not synchronized (StringWriter is).
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

  private final StringBuilder out;
  private final int limit;

  BoundedWriter(int limit, int initialCapacity) {
    this.limit = limit;
    this.out = new StringBuilder(Math.min(limit, initialCapacity));
  }

  /** Appends what fits, then throws: the caller may still use the head it got. */
  @Override
  public void write(char[] cbuf, int off, int len) throws IOException {
    int room = limit - out.length();
    if (len <= room) {
      out.append(cbuf, off, len);
      return;
    }
    out.append(cbuf, off, room);
    throw Overflow.INSTANCE;
  }

  @Override
  public void write(String s, int off, int len) throws IOException {
    int room = limit - out.length();
    if (len <= room) {
      out.append(s, off, off + len);
      return;
    }
    out.append(s, off, off + room);
    throw Overflow.INSTANCE;
  }

  @Override
  public void write(int c) throws IOException {
    if (out.length() >= limit) {
      throw Overflow.INSTANCE;
    }
    out.append((char) c);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  @Override
  public String toString() {
    return out.toString();
  }
}
