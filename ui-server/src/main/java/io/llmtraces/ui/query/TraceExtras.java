package io.llmtraces.ui.query;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The columns of a trace version that only an expanded trace shows. Kept with the light row, so
 * that expanding a trace reads only its spans from storage.
 */
public record TraceExtras(
    Instant endTime,
    String workflowName,
    int errorCount,
    int llmCallCount,
    Long inputTokens,
    Long outputTokens,
    Long totalTokens,
    boolean rootMissing,
    int droppedSpanCount,
    String sessionId,
    String userId,
    Double expectedMs,
    Double expectedP99Ms,
    Long baselineSamples,
    String baselineKey,
    Double durationRatio,
    Integer anomalousSpanCount) {

  /** By column name, as the table has them. */
  Map<String, Object> byColumn() {
    Map<String, Object> m = new HashMap<>();
    m.put("end_time", endTime);
    m.put("workflow_name", workflowName);
    m.put("error_count", errorCount);
    m.put("llm_call_count", llmCallCount);
    m.put("input_tokens", inputTokens);
    m.put("output_tokens", outputTokens);
    m.put("total_tokens", totalTokens);
    m.put("root_missing", rootMissing);
    m.put("dropped_span_count", droppedSpanCount);
    m.put("session_id", sessionId);
    m.put("user_id", userId);
    m.put("expected_duration_ms", expectedMs);
    m.put("expected_p99_ms", expectedP99Ms);
    m.put("baseline_samples", baselineSamples);
    m.put("baseline_key", baselineKey);
    m.put("duration_ratio", durationRatio);
    m.put("anomalous_span_count", anomalousSpanCount);
    return m;
  }
}
