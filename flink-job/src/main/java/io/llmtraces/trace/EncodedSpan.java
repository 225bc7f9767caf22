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
}
