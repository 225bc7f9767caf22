package io.llmtraces.trace;

import io.llmtraces.model.TraceSummary;
import java.util.Arrays;

/**
 * What stays of a trace after it was written: its latest version and the ids of the spans
 * written, so that a late span extends the trace and a redelivered one is recognised.
 *
 * @param summary the latest version written
 * @param spanIds the written span ids as 64-bit values, sorted
 * @param lastArrival event time of the latest span, from which retention is counted
 */
public record WrittenTrace(TraceSummary summary, long[] spanIds, long lastArrival) {

  boolean contains(long spanId) {
    return Arrays.binarySearch(spanIds, spanId) >= 0;
  }

  /** Span ids are 16 hex digits; a malformed id still gets a stable 64-bit value. */
  static long spanIdValue(String spanIdHex) {
    if (spanIdHex.length() == 16) {
      try {
        return Long.parseUnsignedLong(spanIdHex, 16);
      } catch (NumberFormatException e) {
        // fall through to the hash
      }
    }
    return spanIdHex.hashCode() * 0x9E3779B97F4A7C15L;
  }
}
