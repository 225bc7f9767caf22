package io.llmtraces.ui.api;

import static io.llmtraces.ui.testing.TraceRows.trace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.javalin.Javalin;
import io.llmtraces.ui.UiOptions;
import io.llmtraces.ui.UiServer;
import io.llmtraces.ui.auth.ProjectPatterns;
import io.llmtraces.ui.auth.UserStore;
import io.llmtraces.ui.testing.TestWarehouse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Login, session cookies and project isolation on the page's API, through real HTTP over real tables. */
class AuthApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final String ACME_TRACE = "11111111111111111111111111111111";
  private static final String BILLING_TRACE = "22222222222222222222222222222222";

  @TempDir static Path dir;
  static UserStore users;
  static String aliceKey;
  static String bobKey;
  static Javalin app;
  static String base;

  @BeforeAll
  static void start() {
    TestWarehouse warehouse = TestWarehouse.create(dir.resolve("warehouse"));
    warehouse.append(
        List.of(
            trace("acme-prod", ACME_TRACE, NOW.minus(1, ChronoUnit.HOURS), 100),
            trace("acme-dev", "33333333333333333333333333333333", NOW.minus(1, ChronoUnit.HOURS), 100),
            trace("billing", BILLING_TRACE, NOW.minus(1, ChronoUnit.HOURS), 100)),
        List.of());
    UiOptions options = UiOptions.parse("--port", "0", "--data-dir", dir.toString(), "--warehouse", dir.resolve("warehouse").toString());
    users = new UserStore(options.usersFile(), Clock.systemUTC());
    aliceKey = users.add("alice", ProjectPatterns.of("acme-*")).key();
    bobKey = users.add("bob", ProjectPatterns.of("billing")).key();
    app = UiServer.create(options, warehouse.catalog(), users, () -> 4318).start();
    base = "http://localhost:" + app.port();
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      r.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String json, String... headers) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path))
        .POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      r.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String login(String user, String key, String... headers) throws Exception {
    HttpResponse<String> res = post("/api/login", JSON.writeValueAsString(java.util.Map.of("user", user, "key", key)), headers);
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    String setCookie = res.headers().firstValue("Set-Cookie").orElseThrow();
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  private static JsonNode json(HttpResponse<String> res, int status) throws Exception {
    assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
    return JSON.readTree(res.body());
  }

  @Test
  void withoutLoginOnlyThePageAnswers() throws Exception {
    assertThat(get("/").statusCode()).isEqualTo(200);
    for (String path : List.of("/api/projects", "/api/me", "/api/traces?project=acme-prod", "/api/ingest/config?kind=iftracer&project=acme-prod")) {
      assertThat(json(get(path), 401).get("error").asText()).as(path).contains("not signed in");
    }
    assertThat(json(get("/api/projects", "Cookie", "llmtraces_session=forged"), 401).has("error")).isTrue();
    assertThat(json(get("/api/projects", "Authorization", "Bearer wrong"), 401).has("error")).isTrue();
    assertThat(json(post("/api/login", "{\"user\":\"alice\",\"key\":\"wrong\"}"), 401).get("error").asText()).contains("wrong user name or key");
    assertThat(json(post("/api/login", "{\"user\":\"bob\",\"key\":\"" + aliceKey + "\"}"), 401).has("error")).isTrue();
    assertThat(json(post("/api/login", "user=alice"), 400).get("error").asText()).contains("not JSON");
  }

  @Test
  void theSessionCookieIsHttpOnlyStrictAndSecureOverHttps() throws Exception {
    HttpResponse<String> res = post("/api/login", "{\"user\":\"alice\",\"key\":\"" + aliceKey + "\"}");
    String cookie = res.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).matches("llmtraces_session=[A-Za-z0-9_-]{43}; Path=/; Max-Age=43200; HttpOnly; SameSite=Strict");
    assertThat(json(res, 200).get("user").asText()).isEqualTo("alice");
    HttpResponse<String> https = post("/api/login", "{\"user\":\"alice\",\"key\":\"" + aliceKey + "\"}", "X-Forwarded-Proto", "https");
    assertThat(https.headers().firstValue("Set-Cookie").orElseThrow()).endsWith("; HttpOnly; SameSite=Strict; Secure");
    // Two logins, two different random sessions.
    assertThat(login("alice", aliceKey)).isNotEqualTo(login("alice", aliceKey));
  }

  @Test
  void aUserSeesOnlyTheProjectsTheirKeyAllows() throws Exception {
    String alice = login("alice", aliceKey);
    JsonNode me = json(get("/api/me", "Cookie", alice), 200);
    assertThat(me.get("user").asText()).isEqualTo("alice");
    assertThat(me.get("projects").toString()).isEqualTo("[\"acme-*\"]");
    assertThat(me.get("authEnabled").asBoolean()).isTrue();

    assertThat(json(get("/api/projects", "Cookie", alice), 200).findValuesAsText("name")).containsExactly("acme-dev", "acme-prod");
    assertThat(json(get("/api/traces?project=acme-prod&anomalous=all", "Cookie", alice), 200).get("total").asInt()).isEqualTo(1);
    assertThat(json(get("/api/traces/" + ACME_TRACE + "?project=acme-prod", "Cookie", alice), 200).get("traceId").asText()).isEqualTo(ACME_TRACE);
    // Another user's project answers exactly as a project that does not exist.
    String hidden = json(get("/api/traces?project=billing", "Cookie", alice), 404).get("error").asText();
    String missing = json(get("/api/traces?project=nobody", "Cookie", alice), 404).get("error").asText();
    assertThat(hidden.replace("billing", "X")).isEqualTo(missing.replace("nobody", "X"));
    json(get("/api/traces/" + BILLING_TRACE + "?project=billing", "Cookie", alice), 404);
    json(get("/api/traces/" + BILLING_TRACE + "/json?project=billing", "Cookie", alice), 404);

    // A bearer key works for the API too (scripts), with its own key's projects.
    assertThat(json(get("/api/projects", "Authorization", "Bearer " + bobKey), 200).findValuesAsText("name")).containsExactly("billing");
    json(get("/api/traces?project=acme-prod", "Authorization", "Bearer " + bobKey), 404);
  }

  @Test
  void logoutAndRevocationEndSessions() throws Exception {
    String first = login("alice", aliceKey);
    HttpResponse<String> out = post("/api/logout", "{}", "Cookie", first);
    assertThat(out.statusCode()).isEqualTo(200);
    assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("llmtraces_session=; Path=/; Max-Age=0");
    json(get("/api/me", "Cookie", first), 401);

    UserStore.NewKey carol = users.add("carol", ProjectPatterns.ALL);
    String session = login("carol", carol.key());
    json(get("/api/me", "Cookie", session), 200);
    users.revoke("carol", null);
    json(get("/api/me", "Cookie", session), 401);
  }

  @Test
  void generatedConfigsNameTheUserProjectAndEndpoint() throws Exception {
    String alice = login("alice", aliceKey);
    // A project that has no traces yet: it appears with its first spans.
    JsonNode snippet = json(get("/api/ingest/config?kind=collector-http&project=acme-new", "Cookie", alice), 200);
    assertThat(snippet.get("language").asText()).isEqualTo("yaml");
    JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(snippet.get("content").asText());
    assertThat(yaml.at("/exporters/otlphttp/endpoint").asText()).isEqualTo("http://localhost:4318");
    assertThat(yaml.at("/exporters/otlphttp/headers/iftracer_user").asText()).isEqualTo("alice");
    assertThat(yaml.at("/exporters/otlphttp/headers/iftracer_project").asText()).isEqualTo("acme-new");
    assertThat(yaml.at("/exporters/otlphttp/headers/iftracer_license_key").asText()).isEqualTo("<YOUR_LICENSE_KEY>");
    assertThat(snippet.get("content").asText()).doesNotContain(aliceKey);

    String env = json(get("/api/ingest/config?kind=otel-env&project=acme-new", "Cookie", alice), 200).get("content").asText();
    assertThat(env).contains("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://localhost:4318/v1/traces\n");
    assertThat(json(get("/api/ingest/config?kind=iftracer&project=billing", "Cookie", alice), 403).get("error").asText()).contains("may not write");
    assertThat(json(get("/api/ingest/config?kind=zipkin&project=acme-new", "Cookie", alice), 400).get("error").asText()).contains("kind must be one of");
    assertThat(json(get("/api/ingest/config?kind=iftracer", "Cookie", alice), 400).get("error").asText()).contains("project name is empty");
  }
}
