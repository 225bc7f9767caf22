package io.llmtraces.ui.query;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.data.Record;

/** A row of the {@code spans} table as a {@link SpanDetail}. */
final class SpanRecords {
  private SpanRecords() {}

  @SuppressWarnings("unchecked")
  static SpanDetail detail(Record r) {
    Double score = (Double) r.getField("anomaly_score");
    List<String> types = (List<String>) r.getField("anomaly_types");
    Boolean anomalous = (Boolean) r.getField("is_anomalous");
    Map<String, String> attributes = (Map<String, String>) r.getField("attributes");
    return new SpanDetail(
        (String) r.getField("span_id"),
        (String) r.getField("parent_span_id"),
        (String) r.getField("name"),
        (String) r.getField("kind"),
        (String) r.getField("service_name"),
        ((OffsetDateTime) r.getField("start_time")).toInstant(),
        (Double) r.getField("duration_ms"),
        (Double) r.getField("self_time_ms"),
        (String) r.getField("status_code"),
        (String) r.getField("status_message"),
        (Boolean) r.getField("is_error"),
        (String) r.getField("error_type"),
        (String) r.getField("model"),
        (String) r.getField("response_model"),
        (String) r.getField("provider"),
        (Long) r.getField("input_tokens"),
        (Long) r.getField("output_tokens"),
        (Long) r.getField("total_tokens"),
        (Long) r.getField("token_size_bytes"),
        (Boolean) r.getField("has_prompt"),
        (Boolean) r.getField("has_response"),
        (Boolean) r.getField("is_streaming"),
        (Double) r.getField("ttft_ms"),
        score == null ? 0 : score,
        types == null ? List.of() : List.copyOf(types),
        anomalous != null && anomalous,
        (Double) r.getField("expected_duration_ms"),
        (Double) r.getField("expected_p99_ms"),
        (Long) r.getField("baseline_samples"),
        (String) r.getField("baseline_key"),
        (Double) r.getField("duration_ratio"),
        (String) r.getField("anomaly_explanation"),
        attributes == null ? Map.of() : Map.copyOf(attributes),
        (Integer) r.getField("trace_version"));
  }
}
