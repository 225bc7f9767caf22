package io.llmtraces.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The bits of the job's REST API (its web UI port) the benchmark needs. */
final class FlinkRest {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final String base;

  FlinkRest(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** Waits until a job is RUNNING with all its tasks running; returns its id. */
  String awaitRunning(long timeoutMs) throws Exception {
    long until = System.currentTimeMillis() + timeoutMs;
    while (true) {
      try {
        for (JsonNode job : get("/jobs/overview").path("jobs")) {
          if ("FAILED".equals(job.path("state").asText())) {
            throw new IllegalStateException("the job failed; see its log");
          }
          if ("RUNNING".equals(job.path("state").asText())) {
            String id = job.path("jid").asText();
            JsonNode tasks = job.path("tasks");
            if (tasks.path("running").asInt() == tasks.path("total").asInt()) {
              return id;
            }
          }
        }
      } catch (java.io.IOException e) {
        // not up yet
      }
      if (System.currentTimeMillis() > until) {
        throw new IllegalStateException("no job running at " + base + " within " + timeoutMs + " ms");
      }
      Thread.sleep(500);
    }
  }

  JsonNode get(String path) throws Exception {
    HttpResponse<String> r = http.send(
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new java.io.IOException(path + ": HTTP " + r.statusCode());
    }
    return json.readTree(r.body());
  }
}
