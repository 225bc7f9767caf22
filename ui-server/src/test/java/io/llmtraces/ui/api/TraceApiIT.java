package io.llmtraces.ui.api;

import static io.llmtraces.ui.testing.TraceRows.anomalous;
import static io.llmtraces.ui.testing.TraceRows.span;
import static io.llmtraces.ui.testing.TraceRows.trace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import io.llmtraces.ui.UiOptions;
import io.llmtraces.ui.UiServer;
import io.llmtraces.ui.testing.TestWarehouse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API over real Iceberg tables on disk, through real HTTP. */
class TraceApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final String SLOW = "11111111111111111111111111111111";
  private static final String FAILED = "22222222222222222222222222222222";
  private static final String LATE = "33333333333333333333333333333333";

  @TempDir static Path dir;
  static TestWarehouse warehouse;

  @BeforeAll
  static void fill() {
    warehouse = TestWarehouse.create(dir);
    List<Map<String, Object>> traces = new ArrayList<>();
    List<Map<String, Object>> spans = new ArrayList<>();
    Instant t1 = NOW.minus(2, ChronoUnit.HOURS);
    traces.add(anomalous(trace("acme", SLOW, t1, 9_000), 88, "openai.chat took 8.5 s", "SPAN_RESPONSE_TIME"));
    spans.add(span("acme", SLOW, "aaaaaaaaaaaaaaa1", null, "chat.workflow", "workflow", t1, 0, 9_000));
    Map<String, Object> slowCall = span("acme", SLOW, "aaaaaaaaaaaaaaa2", "aaaaaaaaaaaaaaa1", "openai.chat", "llm", t1, 100, 8_500);
    slowCall.put("is_anomalous", true);
    slowCall.put("anomaly_types", List.of("SPAN_RESPONSE_TIME"));
    slowCall.put("anomaly_score", 88.0);
    slowCall.put("anomaly_explanation", "openai.chat took 8.5 s: 4.2x slower than p99 2.0 s");
    slowCall.put("attributes", Map.of("note", "<script>alert(1)</script>"));
    spans.add(slowCall);
    Instant t2 = NOW.minus(3, ChronoUnit.HOURS);
    Map<String, Object> failed = anomalous(trace("acme", FAILED, t2, 500), 60, "failed", "SPAN_ERROR");
    failed.put("total_tokens", 5_000L);
    traces.add(failed);
    traces.add(trace("acme", "44444444444444444444444444444444", NOW.minus(1, ChronoUnit.HOURS), 700));
    traces.add(anomalous(trace("acme", "55555555555555555555555555555555", NOW.minus(30, ChronoUnit.HOURS), 700), 99, "old", "SPAN_ERROR"));
    // A trace written twice: version 2 (late spans) is the one that counts.
    traces.add(anomalous(trace("acme", LATE, NOW.minus(4, ChronoUnit.HOURS), 800), 70, "v1", "SPAN_ERROR"));
    Map<String, Object> v2 = trace("acme", LATE, NOW.minus(4, ChronoUnit.HOURS), 800);
    v2.put("version", 2);
    v2.put("span_count", 3);
    traces.add(v2);
    traces.add(trace("other", "66666666666666666666666666666666", NOW.minus(1, ChronoUnit.HOURS), 100));
    warehouse.append(traces, spans);
  }

  private static JsonNode get(io.javalin.testtools.HttpClient client, String path, int status) throws Exception {
    var response = client.get(path);
    assertThat(response.code()).as(path).isEqualTo(status);
    return JSON.readTree(response.body().string());
  }

  @Test
  void theApiAnswersFromTheTables() {
    JavalinTest.test(UiServer.create(UiOptions.parse("--port", "0", "--warehouse", dir.toString(), "--auth", "off"), warehouse.catalog()), (server, client) -> {
      JsonNode projects = get(client, "/api/projects", 200);
      assertThat(projects.findValuesAsText("name")).containsExactly("acme", "other");
      assertThat(projects.get(0).get("traceCount").asLong()).isEqualTo(5);
      assertThat(projects.get(0).get("anomalousTraceCount").asLong()).isEqualTo(3);

      JsonNode page = get(client, "/api/traces?project=acme", 200);
      assertThat(page.get("total").asLong()).isEqualTo(2);
      assertThat(page.get("traces").findValuesAsText("traceId")).containsExactly(SLOW, FAILED);
      assertThat(page.get("summary").get("traceCount").asLong()).isEqualTo(2);
      assertThat(page.get("summary").get("totalTokens").asLong()).isEqualTo(5_150);
      assertThat(page.get("summary").get("spanCount").asLong()).isEqualTo(4);
      JsonNode first = page.get("traces").get(0);
      assertThat(first.get("anomalyTypes").get(0).asText()).isEqualTo("SPAN_RESPONSE_TIME");
      assertThat(first.get("timestamp").asText()).endsWith("Z");
      assertThat(first.has("spans")).isFalse();

      JsonNode all = get(client, "/api/traces?project=acme&anomalous=all&sort=duration&order=asc", 200);
      assertThat(all.get("traces").findValuesAsText("traceId")).containsExactly(FAILED, "44444444444444444444444444444444", LATE, SLOW);
      assertThat(all.get("traces").get(2).get("version").asInt()).isEqualTo(2);

      JsonNode filtered = get(client, "/api/traces?project=acme&anomalous=all&minDurationMs=600&maxTokens=1000", 200);
      assertThat(filtered.get("total").asLong()).isEqualTo(3);

      JsonNode detail = get(client, "/api/traces/" + SLOW + "?project=acme&ts=" + NOW.minus(2, ChronoUnit.HOURS), 200);
      assertThat(detail.get("spans")).hasSize(2);
      JsonNode call = detail.get("spans").get(1);
      assertThat(call.get("name").asText()).isEqualTo("openai.chat");
      assertThat(call.get("isAnomalous").asBoolean()).isTrue();
      assertThat(call.get("explanation").asText()).contains("4.2x slower than p99");
      assertThat(call.get("expectedP99Ms").asDouble()).isEqualTo(17_000.0);
      assertThat(call.get("attributes").get("note").asText()).isEqualTo("<script>alert(1)</script>");
      assertThat(call.has("spanJson")).isFalse();
      assertThat(get(client, "/api/traces/" + SLOW + "?project=acme", 200).get("spans")).hasSize(2);

      var download = client.get("/api/traces/" + SLOW + "/json?project=acme");
      assertThat(download.code()).isEqualTo(200);
      assertThat(download.headers().get("Content-Disposition")).containsExactly("attachment; filename=\"trace-" + SLOW + ".json\"");
      JsonNode body = JSON.readTree(download.body().string());
      assertThat(body.get("spans").get(0).get("otlp").get("span").get("spanId").asText()).isEqualTo("aaaaaaaaaaaaaaa1");
    });
  }

  @Test
  void badRequestsAndUnknownThingsGetClearErrors() {
    JavalinTest.test(UiServer.create(UiOptions.parse("--port", "0", "--warehouse", dir.toString(), "--auth", "off"), warehouse.catalog()), (server, client) -> {
      assertThat(get(client, "/api/traces", 400).get("error").asText()).contains("project is required");
      assertThat(get(client, "/api/traces?project=acme&limit=0", 400).get("error").asText()).contains("limit");
      assertThat(get(client, "/api/traces?project=acme&sort=colour", 400).get("error").asText()).contains("sort must be one of");
      assertThat(get(client, "/api/traces?project=nobody", 404).get("error").asText()).contains("no project nobody");
      assertThat(get(client, "/api/traces/" + "7".repeat(32) + "?project=acme", 404).get("error").asText()).contains("no trace");
      assertThat(get(client, "/api/traces/not-an-id?project=acme", 400).get("error").asText()).contains("32 lower-case hex");
      assertThat(get(client, "/api/traces/" + SLOW + "?project=acme&ts=soon", 400).get("error").asText()).contains("ISO-8601");
    });
  }
}
