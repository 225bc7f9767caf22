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

  /**
   * The row that stands for its trace, of two rows of one trace: the higher version; of two
   * rows of the same version (a span later than the job's late retention starts its trace over as
   * a version 1 of its own), the one with more spans. The view {@code traces_latest} orders the
   * same way.
   */
  public static TraceRow newer(TraceRow a, TraceRow b) {
    if (a.version != b.version) {
      return a.version > b.version ? a : b;
    }
    return a.spanCount >= b.spanCount ? a : b;
  }

  /** Anomalies a trace counts in the page's summary: its anomalous spans, plus itself when its own duration was. */
  public int anomalyCount() {
    return anomalousSpanCount + (anomalyTypes.contains("TRACE_RESPONSE_TIME") ? 1 : 0);
  }
}
