package io.llmtraces.model;

/** The four kinds of anomaly, with the identifiers used in the tables, the API and the docs. */
public enum AnomalyType {
  /** The whole trace took longer than normal for its workflow. */
  TRACE_RESPONSE_TIME,
  /** A span took longer than normal; a parent is judged by its own time, not its children's. */
  SPAN_RESPONSE_TIME,
  /** An LLM call that had a prompt and returned nothing: no completion and no output tokens. */
  SPAN_NO_PROMPT_RESPONSE,
  /** Error status, {@code error.type}, or an exception event. */
  SPAN_ERROR
}
