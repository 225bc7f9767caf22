package io.llmtraces.ui.query;

import java.util.List;

/**
 * One trace version as the page needs it: the columns the list, its filters and its summary use,
 * and the rest of the (narrow) traces row for an expanded trace; never span bodies.
 *
 * @param tokenCount total tokens, 0 when unknown (sorting and sums treat unknown as none)
 */
public record TraceRow(
    String project,
    String traceId,
    int version,
    long startMicros,
    double durationMs,
    int spanCount,
    long tokenCount,
    long tokenSizeBytes,
    double anomalyScore,
    List<String> anomalyTypes,
    boolean anomalous,
    int anomalousSpanCount,
    String rootSpanName,
    String serviceName,
    List<String> models,
    String explanation,
    TraceExtras extras) {

  /** Anomalies a trace counts in the page's summary: its anomalous spans, plus itself when its own duration was. */
  public int anomalyCount() {
    return anomalousSpanCount + (anomalyTypes.contains("TRACE_RESPONSE_TIME") ? 1 : 0);
  }
}
