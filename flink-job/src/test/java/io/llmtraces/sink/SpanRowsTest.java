package io.llmtraces.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmtraces.model.AnomalyType;
import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.model.SpanKind;
import io.llmtraces.model.SpanScore;
import io.llmtraces.schema.TableSchemas;
import io.llmtraces.scoring.WritableSpan;
import io.llmtraces.trace.SpanCodec;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.MapData;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.Schema;
import org.junit.jupiter.api.Test;

/** A scored span becomes a row of the spans table, column by column. */
class SpanRowsTest {
  private static final Schema S = TableSchemas.SPANS_SCHEMA;

  @Test
  void columnsHoldTheSpanAndItsScore() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("http.route", "/v1/chat");
    attributes.put("ключ", "значение ✓");
    attributes.put("empty", null);
    NormalizedSpan span =
        new NormalizedSpan(
            "shop", "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", "00f067aa0ba902b7", "openai.chat",
            SpanKind.LLM, "checkout", "answer", null, 1_700_000_000_000_123L, 1_700_000_001_000_000L, 999.877,
            "ERROR", "rate limited", true, "RateLimitError", "gpt-4o", null, null, "openai", 120L, null, 120L,
            null, null, 42, true, false, null, true, 80.5, "s-1", "u-1", attributes, "{\"name\":\"openai.chat ✓\"}");
    SpanScore score =
        new SpanScore(97.5, List.of(AnomalyType.SPAN_ERROR), true, 999.877, 400.0, 800.0, 50L, "shop|openai.chat", 1.25, "rate limited");

    RowData row = new SpanRows().map(new WritableSpan(SpanCodec.encode(span), 2, 1_700_000_002_000_000L, score));

    assertThat(row.getArity()).isEqualTo(S.columns().size());
    assertThat(string(row, "trace_id")).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(row.getInt(at("trace_version"))).isEqualTo(2);
    assertThat(string(row, "kind")).isEqualTo("llm");
    assertThat(row.isNullAt(at("entity_name"))).isTrue();
    assertThat(row.getTimestamp(at("start_time"), 6).toInstant().toString()).isEqualTo("2023-11-14T22:13:20.000123Z");
    assertThat(row.isNullAt(at("output_tokens"))).isTrue();
    assertThat(row.getLong(at("input_tokens"))).isEqualTo(120L);
    assertThat(string(row, "span_json")).isEqualTo("{\"name\":\"openai.chat ✓\"}");
    assertThat(row.getDouble(at("anomaly_score"))).isEqualTo(97.5);
    assertThat(row.getArray(at("anomaly_types")).getString(0).toString()).isEqualTo("SPAN_ERROR");

    MapData map = row.getMap(at("attributes"));
    assertThat(map.size()).isEqualTo(3);
    Map<String, String> back = new HashMap<>();
    ArrayData keys = map.keyArray();
    ArrayData values = map.valueArray();
    for (int i = 0; i < map.size(); i++) {
      back.put(keys.getString(i).toString(), values.getString(i).toString());
    }
    assertThat(back).containsOnly(
        Map.entry("http.route", "/v1/chat"), Map.entry("ключ", "значение ✓"), Map.entry("empty", ""));
    assertThat(keys.getString(0).toBytes()).isEqualTo(keys.getString(0).toString().getBytes(StandardCharsets.UTF_8));
  }

  private static int at(String column) {
    return RowValues.position(S, column);
  }

  private static String string(RowData row, String column) {
    return row.getString(at(column)).toString();
  }
}
