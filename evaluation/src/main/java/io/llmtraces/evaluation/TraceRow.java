package io.llmtraces.evaluation;

import io.llmtraces.model.AnomalyType;
import java.util.Set;

/**
 * What the evaluation reads of the latest version of a row of {@code llm_traces.traces}.
 *
 * @param project trace project
 * @param traceId trace id, hex
 * @param version the highest version written
 * @param spanCount spans in that version
 * @param scored false when the anomaly columns are null (the job did not score the trace)
 * @param anomalous {@code is_anomalous}; false when not scored
 * @param types {@code anomaly_types}; empty when not scored
 */
public record TraceRow(
    String project,
    String traceId,
    int version,
    int spanCount,
    boolean scored,
    boolean anomalous,
    Set<AnomalyType> types) {

  public TraceRow {
    types = Set.copyOf(types);
  }

  /** Flagged with {@code type}: anomalous, and the type is among its anomaly types. */
  public boolean flagged(AnomalyType type) {
    return anomalous && types.contains(type);
  }
}
