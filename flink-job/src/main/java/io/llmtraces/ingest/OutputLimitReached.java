package io.llmtraces.ingest;

import java.io.IOException;

/** Thrown by {@link BoundedOutput} when its limit is reached; preallocated, since it is control flow, not an error. */
final class OutputLimitReached extends IOException {
  private static final long serialVersionUID = 1L;
  static final OutputLimitReached INSTANCE = new OutputLimitReached();

  private OutputLimitReached() {
    super("output limit reached", null);
    setStackTrace(new StackTraceElement[0]);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
