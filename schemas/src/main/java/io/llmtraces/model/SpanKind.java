package io.llmtraces.model;

/** What a span does in an LLM application, folded from the three attribute families. */
public enum SpanKind {
  WORKFLOW,
  TASK,
  AGENT,
  TOOL,
  LLM,
  RETRIEVER,
  EMBEDDING,
  OTHER;

  /** The lower-case name stored in the tables. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
