package io.llmtraces.ui.testing;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rows of the traces and spans tables with the values the job would write; tests change what they need. */
public final class TraceRows {
  private TraceRows() {}

  /** A normal trace version 1 of one LLM call; change fields with {@code put}. */
  public static Map<String, Object> trace(String project, String traceId, Instant start, double durationMs) {
    Map<String, Object> r = new HashMap<>();
    r.put("project", project);
    r.put("trace_id", traceId);
    r.put("version", 1);
    r.put("start_time", start);
    r.put("end_time", start.plusNanos(Math.round(durationMs * 1_000_000)));
    r.put("duration_ms", durationMs);
    r.put("root_span_name", "chat.workflow");
    r.put("service_name", "support-bot");
    r.put("workflow_name", "chat");
    r.put("span_count", 2);
    r.put("error_count", 0);
    r.put("llm_call_count", 1);
    r.put("models", List.of("gpt-4o"));
    r.put("input_tokens", 100L);
    r.put("output_tokens", 50L);
    r.put("total_tokens", 150L);
    r.put("token_size_bytes", 600L);
    r.put("root_missing", false);
    r.put("dropped_span_count", 0);
    r.put("session_id", "session-1");
    r.put("user_id", "user-1");
    r.put("ingested_at", start.plusSeconds(20));
    r.put("anomaly_score", 10.0);
    r.put("anomaly_types", List.of());
    r.put("is_anomalous", false);
    r.put("expected_duration_ms", durationMs);
    r.put("expected_p99_ms", durationMs * 2);
    r.put("baseline_samples", 500L);
    r.put("baseline_key", project + "|trace|chat");
    r.put("duration_ratio", 0.5);
    r.put("anomalous_span_count", 0);
    return r;
  }

  /** Marks a trace anomalous with the given score and types. */
  public static Map<String, Object> anomalous(Map<String, Object> trace, double score, String explanation, String... types) {
    trace.put("anomaly_score", score);
    trace.put("anomaly_types", List.of(types));
    trace.put("is_anomalous", true);
    trace.put("anomaly_explanation", explanation);
    trace.put("anomalous_span_count", 1);
    return trace;
  }

  /** A span of a trace, starting {@code offsetMs} after {@code traceStart}. */
  public static Map<String, Object> span(
      String project, String traceId, String spanId, String parentId, String name, String kind, Instant traceStart,
      double offsetMs, double durationMs) {
    Instant start = traceStart.plusNanos(Math.round(offsetMs * 1_000_000));
    Map<String, Object> r = new HashMap<>();
    r.put("project", project);
    r.put("trace_id", traceId);
    r.put("trace_version", 1);
    r.put("span_id", spanId);
    r.put("parent_span_id", parentId);
    r.put("name", name);
    r.put("kind", kind);
    r.put("service_name", "support-bot");
    r.put("workflow_name", "chat");
    r.put("entity_name", name);
    r.put("start_time", start);
    r.put("end_time", start.plusNanos(Math.round(durationMs * 1_000_000)));
    r.put("duration_ms", durationMs);
    r.put("status_code", "OK");
    r.put("is_error", false);
    r.put("model", kind.equals("llm") ? "gpt-4o" : null);
    r.put("provider", kind.equals("llm") ? "openai" : null);
    r.put("input_tokens", kind.equals("llm") ? 100L : null);
    r.put("output_tokens", kind.equals("llm") ? 50L : null);
    r.put("total_tokens", kind.equals("llm") ? 150L : null);
    r.put("token_size_bytes", kind.equals("llm") ? 600L : 0L);
    r.put("has_prompt", kind.equals("llm"));
    r.put("has_response", kind.equals("llm"));
    r.put("is_streaming", false);
    r.put("attributes", Map.of("gen_ai.operation.name", "chat"));
    r.put("span_json", "{\"span\":{\"spanId\":\"" + spanId + "\",\"name\":\"" + name + "\"}}");
    r.put("ingested_at", start.plusSeconds(20));
    r.put("anomaly_score", 5.0);
    r.put("anomaly_types", List.of());
    r.put("is_anomalous", false);
    r.put("self_time_ms", durationMs);
    r.put("expected_duration_ms", durationMs);
    r.put("expected_p99_ms", durationMs * 2);
    r.put("baseline_samples", 500L);
    r.put("baseline_key", project + "|span|support-bot|" + name + "|gpt-4o");
    r.put("duration_ratio", 0.5);
    return r;
  }
}
