package io.llmtraces.sink;

import static io.llmtraces.sink.RowValues.position;
import static io.llmtraces.sink.RowValues.string;
import static io.llmtraces.sink.RowValues.types;

import io.llmtraces.model.Verdict;
import org.apache.flink.table.data.GenericRowData;
import org.apache.iceberg.Schema;

/** The anomaly columns both tables have, at their positions in one table's schema. */
final class VerdictColumns {
  private final int score;
  private final int types;
  private final int anomalous;
  private final int expected;
  private final int expectedP99;
  private final int samples;
  private final int key;
  private final int ratio;
  private final int explanation;

  VerdictColumns(Schema schema) {
    score = position(schema, "anomaly_score");
    types = position(schema, "anomaly_types");
    anomalous = position(schema, "is_anomalous");
    expected = position(schema, "expected_duration_ms");
    expectedP99 = position(schema, "expected_p99_ms");
    samples = position(schema, "baseline_samples");
    key = position(schema, "baseline_key");
    ratio = position(schema, "duration_ratio");
    explanation = position(schema, "anomaly_explanation");
  }

  void set(GenericRowData row, Verdict v) {
    row.setField(score, v.score());
    row.setField(types, types(v.types()));
    row.setField(anomalous, v.anomalous());
    row.setField(expected, v.expectedMs());
    row.setField(expectedP99, v.expectedP99Ms());
    row.setField(samples, v.baselineSamples());
    row.setField(key, string(v.baselineKey()));
    row.setField(ratio, v.ratio());
    row.setField(explanation, string(v.explanation()));
  }
}
