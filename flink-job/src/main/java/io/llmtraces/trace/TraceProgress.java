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
 */
public record TraceProgress(
    long firstArrival,
    long lastArrival,
    boolean rootSeen,
    int pendingCount,
    int droppedCount,
    long closeTimer) {

  static TraceProgress opened(long arrival, boolean rootSeen) {
    return new TraceProgress(arrival, arrival, rootSeen, 0, 0, Long.MIN_VALUE);
  }

  TraceProgress withSpan(long arrival, boolean isRoot) {
    return new TraceProgress(
        firstArrival, Math.max(lastArrival, arrival), rootSeen || isRoot, pendingCount + 1, droppedCount, closeTimer);
  }

  TraceProgress withDropped() {
    return new TraceProgress(firstArrival, lastArrival, rootSeen, pendingCount, droppedCount + 1, closeTimer);
  }

  TraceProgress withCloseTimer(long timer) {
    return new TraceProgress(firstArrival, lastArrival, rootSeen, pendingCount, droppedCount, timer);
  }
}
