package io.llmtraces.ingest;

/**
 * Whether a call was streamed and its time to first chunk.
 *
 * <p>A streaming flag ({@code gen_ai.request.stream}, {@code llm.is_streaming},
 * {@code gen_ai.is_streaming}) or any time-to-first-chunk evidence marks the call streamed. TTFT is
 * {@code gen_ai.response.time_to_first_chunk} (seconds) else the first chunk event minus the
 * span start; values outside [0, 1 day] are dropped as clock errors.
 */
record StreamingFacts(boolean isStreaming, Double ttftMs) {
  private static final double MAX_TTFT_MS = 24 * 3600 * 1000d;

  static StreamingFacts of(SpanAttributes a, EventFacts events, SpanTimes times) {
    Double ttft = null;
    Double seconds = a.decimal(AttributeKeys.TIME_TO_FIRST_CHUNK);
    if (seconds != null) {
      ttft = sane(seconds * 1000d);
    }
    if (ttft == null && events.firstChunkNanos() > 0 && times.startNanos() > 0) {
      ttft = sane((events.firstChunkNanos() - times.startNanos()) / 1_000_000d);
    }
    Boolean flag = a.flag(AttributeKeys.STREAMING);
    return new StreamingFacts(Boolean.TRUE.equals(flag) || ttft != null, ttft);
  }

  private static Double sane(double ms) {
    return ms >= 0 && ms <= MAX_TTFT_MS ? ms : null;
  }
}
