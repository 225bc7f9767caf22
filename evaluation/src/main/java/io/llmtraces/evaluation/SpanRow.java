package io.llmtraces.evaluation;

import io.llmtraces.model.AnomalyType;
import java.util.Set;

/**
 * What the evaluation reads of a row of {@code llm_traces.spans}.
 *
 * @param project trace project
 * @param traceId trace id, hex
 * @param spanId span id, hex
 * @param model requested model, or null
 * @param scored false when the anomaly columns are null (the job did not score the span)
 * @param anomalous {@code is_anomalous}; false when not scored
 * @param types {@code anomaly_types}; empty when not scored
 * @param baselineKey the baseline it was judged against, or null
 * @param baselineSamples how many samples that baseline had seen, or null
 */
public record SpanRow(
    String project,
    String traceId,
    String spanId,
    String model,
    boolean scored,
    boolean anomalous,
    Set<AnomalyType> types,
    String baselineKey,
    Long baselineSamples) {

  public SpanRow {
    types = Set.copyOf(types);
  }

  /** Flagged with {@code type}: anomalous, and the type is among its anomaly types. */
  public boolean flagged(AnomalyType type) {
    return anomalous && types.contains(type);
  }
}
