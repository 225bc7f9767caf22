package io.llmtraces.ui.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.llmtraces.ui.UiOptions;
import io.llmtraces.ui.UiServer;
import io.llmtraces.ui.testing.TestWarehouse;
import io.llmtraces.ui.testing.TraceRows;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Fills real Iceberg tables with N traces over the last 7 days (3 projects, 1 % anomalous, 4
 * spans each), starts the page server on them and measures the API as the page calls it: the
 * default view with its summary, a filtered view, and expanding one trace.
 *
 * <p>Usage: {@code ApiBenchmark <dir> <traces> <requests per case>}; see scripts/bench-api.
 */
public final class ApiBenchmark {
  private static final String[] PROJECTS = {"support-bot", "research-agent", "docs-qa"};
  private static final int BATCH = 25_000;

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int traces = Integer.parseInt(args[1]);
    int requests = Integer.parseInt(args[2]);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long fillStart = System.nanoTime();
    TestWarehouse warehouse = TestWarehouse.create(dir.resolve("warehouse"));
    List<String[]> anomalous = fill(warehouse, traces, now);
    double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
    long dataFiles;
    try (var files = Files.walk(dir.resolve("warehouse"))) {
      dataFiles = files.filter(p -> p.toString().endsWith(".parquet")).count();
    }
    System.out.printf(Locale.ROOT, "filled %,d traces (%,d spans) in %.0f s, %d data files%n", traces, traces * 4L, fillSeconds, dataFiles);

    Javalin app = UiServer.create(UiOptions.parse("--port", "0", "--warehouse", dir.resolve("warehouse").toString(), "--auth", "off"), warehouse.catalog());
    app.start("127.0.0.1", 0);
    String base = "http://127.0.0.1:" + app.port();
    HttpClient http = HttpClient.newHttpClient();
    ObjectMapper json = new ObjectMapper();
    Random rnd = new Random(1);
    try {
      long coldStart = System.nanoTime();
      JsonNode projects = json.readTree(get(http, base + "/api/projects"));
      double coldMs = (System.nanoTime() - coldStart) / 1e6;
      System.out.printf(Locale.ROOT, "first /api/projects (reads every data file once): %.0f ms, %d projects%n", coldMs, projects.size());

      IntFunction<String> defaultView = i -> base + "/api/traces?project=" + PROJECTS[i % 3];
      IntFunction<String> filtered = i -> base + "/api/traces?project=" + PROJECTS[i % 3]
          + "&anomalous=all&minDurationMs=2000&maxTokens=3000&sort=duration&order=desc&from="
          + now.minus(3, ChronoUnit.DAYS) + "&limit=100";
      IntFunction<String> expand = i -> {
        String[] t = anomalous.get(rnd.nextInt(anomalous.size()));
        return base + "/api/traces/" + t[1] + "?project=" + t[0] + "&ts=" + t[2];
      };
      report("default view (anomalous, last 24 h, by score, with summary)", http, defaultView, requests);
      report("filtered view (all traces, 3 days, duration >= 2 s, tokens <= 3000, by duration)", http, filtered, requests);
      report("expand one trace (spans with their analysis)", http, expand, requests);
      JsonNode page = json.readTree(get(http, defaultView.apply(0)));
      System.out.printf(Locale.ROOT, "default view of %s: %d anomalous traces in the last 24 h, summary %s%n", PROJECTS[0], page.get("total").asLong(), page.get("summary"));
    } finally {
      app.stop();
    }
  }

  private static void report(String name, HttpClient http, IntFunction<String> url, int n) throws Exception {
    for (int i = 0; i < 5; i++) {
      get(http, url.apply(i));
    }
    double[] ms = new double[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      get(http, url.apply(i));
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf(Locale.ROOT, "%-85s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  (n=%d)%n", name, ms[n / 2], ms[(int) (n * 0.95)], ms[n - 1], n);
  }

  private static String get(HttpClient http, String url) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  /** Writes traces in time order in batches, as a compacted streaming table would hold them. */
  private static List<String[]> fill(TestWarehouse w, int traces, Instant now) {
    Random rnd = new Random(42);
    HexFormat hex = HexFormat.of();
    List<String[]> anomalous = new ArrayList<>();
    long span = 7L * 86_400_000;
    for (int b = 0; b < traces; b += BATCH) {
      List<Map<String, Object>> traceRows = new ArrayList<>();
      List<Map<String, Object>> spanRows = new ArrayList<>();
      for (int i = b; i < Math.min(traces, b + BATCH); i++) {
        String project = PROJECTS[rnd.nextInt(3)];
        byte[] id = new byte[16];
        rnd.nextBytes(id);
        String traceId = hex.formatHex(id);
        Instant start = now.minusMillis(span - (long) i * span / traces);
        double ms = 800 * Math.exp(0.6 * rnd.nextGaussian());
        Map<String, Object> t = TraceRows.trace(project, traceId, start, ms);
        long tokens = 200 + rnd.nextInt(4000);
        t.put("total_tokens", tokens);
        t.put("span_count", 4);
        t.put("anomaly_score", 40 * rnd.nextDouble());
        if (rnd.nextDouble() < 0.01) {
          TraceRows.anomalous(t, 50 + 50 * rnd.nextDouble(), "openai.chat took 9.1 s: 3.4x slower than p99 2.7 s", "SPAN_RESPONSE_TIME");
          anomalous.add(new String[] {project, traceId, start.toString()});
        }
        traceRows.add(t);
        String root = hex.formatHex(Arrays.copyOf(id, 8));
        spanRows.add(TraceRows.span(project, traceId, root, null, "chat.workflow", "workflow", start, 0, ms));
        for (int s = 1; s < 4; s++) {
          String spanId = hex.formatHex(new byte[] {(byte) s, id[9], id[10], id[11], id[12], id[13], id[14], id[15]});
          spanRows.add(TraceRows.span(project, traceId, spanId, root, s == 2 ? "openai.chat" : "step-" + s + ".task", s == 2 ? "llm" : "task", start, 10 * s, ms / 4));
        }
      }
      w.append(traceRows, spanRows);
    }
    return anomalous;
  }
}
