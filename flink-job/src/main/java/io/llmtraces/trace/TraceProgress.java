package io.llmtraces.trace;

/**
 * What is known about a trace that is still collecting spans, kept per trace in keyed state.
 *
 * <p>Arrival times are the event times of the Kafka records that carried the spans (not the span
 * timestamps, which come from client clocks that may be skewed).
 *
 * @param firstArrival event time of the first span since the trace (re)opened
 * @param lastArrival event time of the latest span
 * @param rootSeen a span without a parent arrived, or an earlier version of the trace was written
 * @param pendingCount spans buffered since the trace (re)opened, duplicates included
 * @param droppedCount spans refused by the per-trace cap since the trace (re)opened
 * @param closeTimer the time of the timer registered to close the trace
 * @param writtenCount spans written by earlier versions of the trace (they count against the cap):
 *     kept here so that only a trace's first span looks up what was written of it
 */
public record TraceProgress(
    long firstArrival,
    long lastArrival,
    boolean rootSeen,
    int pendingCount,
    int droppedCount,
    long closeTimer,
    int writtenCount) {

  static TraceProgress opened(long arrival, boolean rootSeen, int writtenCount) {
    return new TraceProgress(arrival, arrival, rootSeen, 0, 0, Long.MIN_VALUE, writtenCount);
  }

  /** Spans stored for the trace, written and pending, against its cap. */
  int storedCount() {
    return writtenCount + pendingCount;
  }

  TraceProgress withSpan(long arrival, boolean isRoot) {
    return new TraceProgress(
        firstArrival, Math.max(lastArrival, arrival), rootSeen || isRoot, pendingCount + 1, droppedCount, closeTimer,
        writtenCount);
  }

  TraceProgress withDropped() {
    return new TraceProgress(
        firstArrival, lastArrival, rootSeen, pendingCount, droppedCount + 1, closeTimer, writtenCount);
  }

  TraceProgress withCloseTimer(long timer) {
    return new TraceProgress(firstArrival, lastArrival, rootSeen, pendingCount, droppedCount, timer, writtenCount);
  }
}
