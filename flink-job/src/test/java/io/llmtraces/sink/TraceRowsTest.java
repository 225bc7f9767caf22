package io.llmtraces.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmtraces.model.AnomalyType;
import io.llmtraces.model.TraceScore;
import io.llmtraces.model.TraceSummary;
import io.llmtraces.schema.TableSchemas;
import io.llmtraces.scoring.ScoredTrace;
import java.util.List;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.Schema;
import org.junit.jupiter.api.Test;

/** A scored trace version becomes a row of the traces table, column by column. */
class TraceRowsTest {
  private static final Schema S = TableSchemas.TRACES_SCHEMA;

  @Test
  void columnsHoldTheSummaryAndItsVerdict() {
    TraceSummary summary =
        new TraceSummary(
            "shop", "0af7651916cd43dd8448eb211c80319c", 3, 1_700_000_000_000_123L, 1_700_000_004_000_000L, 3999.877,
            "checkout", "checkout-svc", "answer", 7, 1, 2, List.of("gpt-4o", "claude-3-5-sonnet"), 120L, null, 150L,
            2048, false, 0, "s-1", null, 1_700_000_010_000_000L);
    TraceScore score =
        new TraceScore(88.5, List.of(AnomalyType.TRACE_RESPONSE_TIME, AnomalyType.SPAN_ERROR), true, 1200.0, 2500.0,
            340L, "shop|checkout", 1.6, "took 4.0 s, usually 1.2 s", 2);

    RowData row = new TraceRows().map(new ScoredTrace(summary, score));

    assertThat(row.getArity()).isEqualTo(S.columns().size());
    assertThat(string(row, "trace_id")).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(row.getInt(at("version"))).isEqualTo(3);
    assertThat(row.getArray(at("models")).getString(1).toString()).isEqualTo("claude-3-5-sonnet");
    assertThat(row.isNullAt(at("output_tokens"))).isTrue();
    assertThat(row.isNullAt(at("user_id"))).isTrue();
    assertThat(row.getTimestamp(at("start_time"), 6).toInstant().toString()).isEqualTo("2023-11-14T22:13:20.000123Z");
    // The verdict's columns, which the spans table shares.
    assertThat(row.getDouble(at("anomaly_score"))).isEqualTo(88.5);
    assertThat(row.getArray(at("anomaly_types")).size()).isEqualTo(2);
    assertThat(row.getArray(at("anomaly_types")).getString(0).toString()).isEqualTo("TRACE_RESPONSE_TIME");
    assertThat(row.getBoolean(at("is_anomalous"))).isTrue();
    assertThat(row.getDouble(at("expected_duration_ms"))).isEqualTo(1200.0);
    assertThat(row.getDouble(at("expected_p99_ms"))).isEqualTo(2500.0);
    assertThat(row.getLong(at("baseline_samples"))).isEqualTo(340L);
    assertThat(string(row, "baseline_key")).isEqualTo("shop|checkout");
    assertThat(row.getDouble(at("duration_ratio"))).isEqualTo(1.6);
    assertThat(string(row, "anomaly_explanation")).isEqualTo("took 4.0 s, usually 1.2 s");
    assertThat(row.getInt(at("anomalous_span_count"))).isEqualTo(2);
  }

  @Test
  void aVerdictWithoutBaselineLeavesItsColumnsNull() {
    TraceSummary summary =
        new TraceSummary("shop", "0af7651916cd43dd8448eb211c80319c", 1, 0, 1000, 1.0, null, "svc", null, 1, 0, 0,
            List.of(), null, null, null, 0, true, 0, null, null, 0);
    TraceScore score = new TraceScore(3.0, List.of(), false, null, null, null, null, null, null, 0);

    RowData row = new TraceRows().map(new ScoredTrace(summary, score));

    for (String column : List.of("expected_duration_ms", "expected_p99_ms", "baseline_samples", "baseline_key",
        "duration_ratio", "anomaly_explanation")) {
      assertThat(row.isNullAt(at(column))).as(column).isTrue();
    }
    assertThat(row.getArray(at("anomaly_types")).size()).isZero();
    assertThat(row.getBoolean(at("is_anomalous"))).isFalse();
  }

  private static int at(String column) {
    return RowValues.position(S, column);
  }

  private static String string(RowData row, String column) {
    return row.getString(at(column)).toString();
  }
}
