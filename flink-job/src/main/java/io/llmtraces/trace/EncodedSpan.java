package io.llmtraces.trace;

import io.llmtraces.model.NormalizedSpan;

/**
 * A span on its way to the assembly: its trace's key, whether it is a root, and the span itself
 * as {@link SpanCodec} bytes (which is all the assembly keeps of it until the trace closes).
 */
public record EncodedSpan(TraceKey traceKey, boolean root, byte[] bytes) {

  /** The span, encoded once. */
  public static EncodedSpan of(NormalizedSpan span) {
    return new EncodedSpan(TraceKey.of(span.project(), span.traceId()), span.isRoot(), SpanCodec.encode(span));
  }

  /** The span with its span_json given apart, as the normalizer emits it (see {@link SpanCodec#encode(NormalizedSpan, byte[], int)}). */
  public static EncodedSpan of(NormalizedSpan span, byte[] spanJson, int length) {
    return new EncodedSpan(
        TraceKey.of(span.project(), span.traceId()), span.isRoot(), SpanCodec.encode(span, spanJson, length));
  }
}
