package io.llmtraces.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.llmtraces.schema.CatalogSettings;
import io.llmtraces.schema.TableSchemas;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every recipe of docs/sql.md, run as written by a {@link SqlSession} against a warehouse with
 * known rows: what the page promises is what the SQL returns.
 */
class SqlRecipesIT {
  static final String T1 = "0af7651916cd43dd8448eb211c80319c";
  static final String T2 = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String T3 = "5b8aa5a2d2c872e8321cf37308d69df2";
  static final String T4 = "6c0000000000000000000000000000d4";
  static final String T5 = "7d0000000000000000000000000000e5";
  static final String T6 = "8e0000000000000000000000000000f6";
  static final Instant DAY = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir static Path warehouse;
  static SqlSession sql;
  static Map<String, String> recipes;

  @BeforeAll
  static void fill() throws Exception {
    CatalogSettings catalog = CatalogSettings.hadoop(warehouse.toString());
    TestTables tables = new TestTables(catalog);
    Instant now = Instant.now();
    tables.append(TableSchemas.TRACES, List.of(
        trace("acme", T1, 1, now.minus(10, ChronoUnit.MINUTES), List.of("gpt-4o"), 95, true),
        trace("acme", T2, 1, now.minus(20, ChronoUnit.MINUTES), List.of("gpt-4o"), 70, true),
        trace("acme", T2, 2, now.minus(20, ChronoUnit.MINUTES), List.of("claude-sonnet-4", "gpt-4o"), 60, true),
        trace("acme", T3, 1, now.minus(5, ChronoUnit.MINUTES), List.of("claude-sonnet-4"), 88, true),
        trace("acme", T4, 1, now.minus(30, ChronoUnit.MINUTES), List.of("gpt-4o"), 10, false),
        trace("acme", T5, 1, now.minus(3, ChronoUnit.HOURS), List.of("gpt-4o"), 99, true),
        trace("globex", T6, 1, now.minus(15, ChronoUnit.MINUTES), List.of("gpt-4o"), 80, true)));
    List<Map<String, Object>> spans = new ArrayList<>();
    Instant ten = DAY.plus(10, ChronoUnit.HOURS);
    spans.add(span("acme", T1, "a000000000000001", null, "workflow", ten, 12_000));
    spans.get(0).put("total_tokens", 999L); // usage copied onto the workflow span: never summed
    spans.add(span("acme", T1, "a000000000000002", "a000000000000001", "task", ten.plusSeconds(1), 50));
    for (int i = 0; i < 10; i++) {
      Map<String, Object> s = llm("acme", i == 0 ? T1 : "9f00000000000000000000000000000" + i, "b00000000000000" + i,
          "gpt-4o", "openai", ten.plusSeconds(2 + 60L * i), 100 * (i + 1), 100, 20);
      if (i == 0) {
        s.put("parent_span_id", "a000000000000001");
      }
      spans.add(s);
    }
    spans.get(3).put("is_error", true);
    spans.get(3).put("has_response", false);
    spans.get(4).put("has_response", false);
    spans.get(5).put("has_response", false);
    spans.add(llm("acme", T3, "c000000000000001", "claude-sonnet-4", "anthropic", ten.plus(65, ChronoUnit.MINUTES), 200, 50, 10));
    Map<String, Object> empty = llm("acme", T3, "c000000000000002", "claude-sonnet-4", "anthropic", ten.plus(70, ChronoUnit.MINUTES), 400, 50, 10);
    empty.put("has_response", false);
    spans.add(empty);
    spans.add(llm("globex", T6, "d000000000000001", "gpt-4o", "openai", ten, 300, 400, 100));
    Map<String, Object> embedding = span("acme", T4, "e000000000000001", null, "embedding", DAY.plus(1, ChronoUnit.DAYS), 30);
    embedding.put("provider", "openai");
    embedding.put("input_tokens", 30L);
    embedding.put("total_tokens", 30L);
    spans.add(embedding);
    tables.append(TableSchemas.SPANS, spans);

    sql = SqlSession.open(catalog, "UTC");
    recipes = Recipes.read(Path.of(System.getProperty("project.root", "..")).resolve("docs/sql.md"));
  }

  @Test
  void everyRecipeOnThePageIsTested() {
    assertThat(recipes.keySet()).containsExactlyInAnyOrder(
        "Most anomalous traces per model in the last hour",
        "p50 and p99 latency per model per hour",
        "Token spend per project per day",
        "Error and empty-response rates by provider",
        "A trace's spans by id",
        "The newest version of each trace");
  }

  @Test
  void mostAnomalousTracesPerModelInTheLastHour() throws Exception {
    List<Row> rows = sql.query(recipes.get("Most anomalous traces per model in the last hour"));
    assertThat(rows).extracting(r -> r.getField(0) + " " + r.getField(1) + " " + r.getField(2) + " " + r.getField(3))
        .containsExactly(
            "claude-sonnet-4 acme " + T3 + " 88.0",
            "claude-sonnet-4 acme " + T2 + " 60.0", // the newest version's score and models
            "gpt-4o acme " + T1 + " 95.0",
            "gpt-4o globex " + T6 + " 80.0",
            "gpt-4o acme " + T2 + " 60.0");
  }

  @Test
  void percentilesPerModelPerHour() throws Exception {
    List<Row> rows = sql.query(recipes.get("p50 and p99 latency per model per hour"));
    assertThat(rows).hasSize(2);
    assertRow(rows.get(0), "claude-sonnet-4", DAY.plus(11, ChronoUnit.HOURS), 2L, 300.0, 398.0);
    // acme's gpt-4o calls of 100, 200, ... 1000 ms and globex's of 300 ms, all in the 10:00 hour
    assertRow(rows.get(1), "gpt-4o", DAY.plus(10, ChronoUnit.HOURS), 11L, 500.0, 990.0);
  }

  @Test
  void tokenSpendPerProjectPerDay() throws Exception {
    List<Row> rows = sql.query(recipes.get("Token spend per project per day"));
    assertThat(rows).extracting(Row::toString).containsExactly(
        "+I[acme, 2026-01-01, 1100, 220, 1320]",
        "+I[acme, 2026-01-02, 30, null, 30]",
        "+I[globex, 2026-01-01, 400, 100, 500]");
    assertThat(rows.get(0).getField(1)).isEqualTo(LocalDate.parse("2026-01-01"));
  }

  @Test
  void errorAndEmptyResponseRatesByProvider() throws Exception {
    List<Row> rows = sql.query(recipes.get("Error and empty-response rates by provider"));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getField(0)).isEqualTo("anthropic");
    assertThat(number(rows.get(0), 1)).isEqualTo(2.0);
    assertThat(number(rows.get(0), 2)).isEqualTo(0.0);
    assertThat(number(rows.get(0), 3)).isCloseTo(0.5, within(1e-9));
    assertThat(rows.get(1).getField(0)).isEqualTo("openai");
    assertThat(number(rows.get(1), 1)).isEqualTo(11.0);
    assertThat(number(rows.get(1), 2)).isCloseTo(1 / 11.0, within(1e-6));
    assertThat(number(rows.get(1), 3)).isCloseTo(2 / 11.0, within(1e-6));
  }

  @Test
  void aTracesSpansById() throws Exception {
    List<Row> rows = sql.query(recipes.get("A trace's spans by id"));
    assertThat(rows).extracting(r -> r.getField(0)).containsExactly("a000000000000001", "a000000000000002", "b000000000000000");
    assertThat(rows.get(2).getField(1)).isEqualTo("a000000000000001");
  }

  @Test
  void theNewestVersionOfEachTrace() throws Exception {
    List<Row> rows = sql.query(recipes.get("The newest version of each trace"));
    assertThat(rows).extracting(r -> r.getField(1) + " v" + r.getField(2))
        .containsExactly(T1 + " v1", T2 + " v2", T3 + " v1", T4 + " v1", T5 + " v1");
    // the view the session defines is the same query
    assertThat(sql.query("SELECT COUNT(*) FROM traces_latest WHERE project = 'acme'").get(0).getField(0)).isEqualTo(5L);
  }

  @Test
  void theShellReadsStatementsFromItsInputAndPrintsTables() throws Exception {
    PrintStream stdout = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      String input = "SELECT COUNT(*) AS calls\n  FROM spans WHERE kind = 'llm';\nSELECT nonsense;\nquit;\nSELECT 1;\n";
      assertThat(SqlShell.repl(sql, new BufferedReader(new StringReader(input)), false)).isZero();
    } finally {
      System.setOut(stdout);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).containsPattern("\\|\\s+calls \\|").containsPattern("\\|\\s+13 \\|").contains("1 row in set");
  }

  private static void assertRow(Row row, String model, Instant hour, long calls, double p50, double p99) {
    assertThat(row.getField(0)).isEqualTo(model);
    assertThat(row.getField(1)).isEqualTo(hour);
    assertThat(row.getField(2)).isEqualTo(calls);
    assertThat(number(row, 3)).isCloseTo(p50, within(1e-6));
    assertThat(number(row, 4)).isCloseTo(p99, within(1e-6));
  }

  private static double number(Row row, int field) {
    return ((Number) row.getField(field)).doubleValue();
  }

  static Map<String, Object> trace(String project, String id, int version, Instant start, List<String> models, double score, boolean anomalous) {
    Map<String, Object> r = new HashMap<>();
    r.put("project", project);
    r.put("trace_id", id);
    r.put("version", version);
    r.put("start_time", start);
    r.put("end_time", start.plusSeconds(2));
    r.put("span_count", version + 1);
    r.put("models", models);
    r.put("anomaly_score", score);
    r.put("is_anomalous", anomalous);
    r.put("anomaly_explanation", anomalous ? "slower than usual" : null);
    return r;
  }

  static Map<String, Object> span(String project, String traceId, String spanId, String parent, String kind, Instant start, double ms) {
    Map<String, Object> r = new HashMap<>();
    r.put("project", project);
    r.put("trace_id", traceId);
    r.put("trace_version", 1);
    r.put("span_id", spanId);
    r.put("parent_span_id", parent);
    r.put("name", kind + ".span");
    r.put("kind", kind);
    r.put("start_time", start);
    r.put("end_time", start.plusMillis((long) ms));
    r.put("duration_ms", ms);
    r.put("has_prompt", true);
    r.put("has_response", true);
    return r;
  }

  static Map<String, Object> llm(String project, String traceId, String spanId, String model, String provider, Instant start,
      double ms, long in, long out) {
    Map<String, Object> r = span(project, traceId, spanId, null, "llm", start, ms);
    r.put("model", model);
    r.put("provider", provider);
    r.put("input_tokens", in);
    r.put("output_tokens", out);
    r.put("total_tokens", in + out);
    return r;
  }
}
