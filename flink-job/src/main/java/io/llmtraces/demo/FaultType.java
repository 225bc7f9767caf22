package io.llmtraces.demo;

/** What went wrong in a span: natural faults here, injected anomaly types join them later. */
public enum FaultType {
  /** The call failed: status ERROR with an {@code exception} event. */
  ERROR,
  /** The model call hit the client timeout: ERROR after exactly the timeout. */
  TIMEOUT,
  /** The model answered with nothing: status OK, empty completion, no output tokens. */
  EMPTY_RESPONSE,
  /** The caller stopped reading a stream: status OK, no completion, no usage. */
  ABANDONED_STREAM,
  /**
   * An exception escaped decorated functions: their spans were never ended, so the trace arrives
   * without them (often without its root).
   */
  UNEXPORTED_SPANS
}
