package io.llmtraces.ui.api;

import io.llmtraces.ui.query.SpanDetail;
import io.llmtraces.ui.query.TraceDetail;
import io.llmtraces.ui.query.TraceListing;
import io.llmtraces.ui.query.TraceRow;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the API, built from query results. */
final class TraceViews {
  private TraceViews() {}

  record Summary(long totalTokens, long anomalyCount, long traceCount, long spanCount) {}

  record TraceItem(
      String traceId, Instant timestamp, double durationMs, int spanCount, long tokenCount, long tokenSizeBytes,
      double anomalyScore, List<String> anomalyTypes, boolean isAnomalous, String rootSpanName, String serviceName,
      List<String> models, String explanation, int version) {}

  record TracePage(Summary summary, long total, List<TraceItem> traces) {}

  static TracePage page(TraceListing.Page page) {
    TraceListing.Summary s = page.summary();
    return new TracePage(
        new Summary(s.totalTokens(), s.anomalyCount(), s.traceCount(), s.spanCount()),
        page.total(),
        page.traces().stream().map(TraceViews::item).toList());
  }

  static TraceItem item(TraceRow r) {
    return new TraceItem(
        r.traceId(), Instant.ofEpochSecond(0, r.startMicros() * 1000), r.durationMs(), r.spanCount(), r.tokenCount(),
        r.tokenSizeBytes(), r.anomalyScore(), r.anomalyTypes(), r.anomalous(), r.rootSpanName(), r.serviceName(),
        r.models(), r.explanation(), r.version());
  }

  /** The list item's fields, the trace's other columns in camelCase, and its spans. */
  static Map<String, Object> detail(TraceDetail d, boolean withOtlp, com.fasterxml.jackson.databind.ObjectMapper json) {
    Map<String, Object> out = new LinkedHashMap<>();
    TraceItem item = item(d.trace());
    out.put("traceId", item.traceId());
    out.put("project", d.trace().project());
    out.put("timestamp", item.timestamp());
    out.put("durationMs", item.durationMs());
    out.put("spanCount", item.spanCount());
    out.put("tokenCount", item.tokenCount());
    out.put("tokenSizeBytes", item.tokenSizeBytes());
    out.put("anomalyScore", item.anomalyScore());
    out.put("anomalyTypes", item.anomalyTypes());
    out.put("isAnomalous", item.isAnomalous());
    out.put("rootSpanName", item.rootSpanName());
    out.put("serviceName", item.serviceName());
    out.put("models", item.models());
    out.put("explanation", item.explanation());
    out.put("version", item.version());
    Map<String, Object> f = d.fields();
    for (String column : List.of("end_time", "workflow_name", "error_count", "llm_call_count", "input_tokens", "output_tokens",
        "total_tokens", "root_missing", "dropped_span_count", "session_id", "user_id", "expected_duration_ms",
        "expected_p99_ms", "baseline_samples", "baseline_key", "duration_ratio", "anomalous_span_count")) {
      out.put(camel(column.equals("expected_duration_ms") ? "expected_ms" : column), f.get(column));
    }
    out.put("spans", d.spans().stream().map(s -> span(s, withOtlp ? d.spanJson().get(s.spanId()) : null, json)).toList());
    return out;
  }

  private static Object span(SpanDetail s, String otlp, com.fasterxml.jackson.databind.ObjectMapper json) {
    if (otlp == null) {
      return s;
    }
    Map<String, Object> withRaw = json.convertValue(s, Map.class);
    try {
      withRaw.put("otlp", json.readTree(otlp));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      withRaw.put("otlp", otlp); // never lose the raw span, even if it is not valid JSON
    }
    return withRaw;
  }

  static String camel(String column) {
    StringBuilder b = new StringBuilder();
    boolean up = false;
    for (char c : column.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return b.toString();
  }
}
