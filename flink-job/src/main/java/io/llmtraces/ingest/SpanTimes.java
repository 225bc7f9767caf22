package io.llmtraces.ingest;

import io.opentelemetry.proto.trace.v1.Span;

/**
 * A span's start, end and duration, repaired so that end >= start and the duration is sane.
 *
 * <p>Repairs: a missing start takes the end (and a missing end the start), giving 0 ms rather
 * than decades; an end before the start becomes the start (0 ms); a duration above
 * {@link #MAX_DURATION_NANOS} is clamped, moving the end. Times beyond 2^63 ns (fixed64 read
 * as negative) count as missing. The raw values stay visible in span_json.
 */
record SpanTimes(long startNanos, long startMicros, long endMicros, double durationMs) {
  /** Seven days: longer than any LLM workflow; beyond that the clock or the SDK is wrong. */
  static final long MAX_DURATION_NANOS = 7L * 24 * 3600 * 1_000_000_000L;

  static SpanTimes of(Span span) {
    long start = Math.max(0, span.getStartTimeUnixNano());
    long end = Math.max(0, span.getEndTimeUnixNano());
    if (start == 0) {
      start = end;
    }
    if (end < start) {
      end = start;
    }
    if (end - start > MAX_DURATION_NANOS) {
      end = start + MAX_DURATION_NANOS;
    }
    return new SpanTimes(start, start / 1000, end / 1000, (end - start) / 1_000_000d);
  }
}
