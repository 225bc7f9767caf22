package io.llmtraces.demo;

/** The attribute conventions a span is written in: the instrumentation that produced it. */
public enum Family {
  /** iftracer-sdk decorators: {@code iftracer.span.kind}, {@code iftracer.entity.*}. */
  IFTRACER,
  /** Traceloop SDK decorators: the same shape under the {@code traceloop.} prefix. */
  TRACELOOP,
  /** OpenLLMetry before 0.54: {@code gen_ai.usage.prompt_tokens}, {@code gen_ai.prompt.N.*}. */
  GENAI_LEGACY,
  /** OpenTelemetry GenAI semantic conventions: {@code gen_ai.usage.input_tokens}, message JSON. */
  GENAI_SEMCONV,
  /** OpenInference (Arize): {@code openinference.span.kind}, {@code llm.token_count.*}. */
  OPENINFERENCE
}
