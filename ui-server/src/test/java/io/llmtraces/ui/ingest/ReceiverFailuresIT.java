package io.llmtraces.ui.ingest;

import static io.llmtraces.ui.ingest.OtlpClients.post;
import static io.llmtraces.ui.ingest.ReceiverHarness.assertStatus;
import static io.llmtraces.ui.ingest.ReceiverHarness.value;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmtraces.otlp.Hex;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receiver's error statuses, and a Kafka outage: 503 while down, nothing lost or doubled after. */
class ReceiverFailuresIT {
  @TempDir static Path dir;
  static ReceiverHarness h;

  @BeforeAll
  static void start() throws Exception {
    h = ReceiverHarness.start(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  @Test
  void everyErrorStatusWithItsStatusBody() throws Exception {
    ReceiverHarness.Receiver r = h.receiver("errors");
    byte[] valid = ExportTraceServiceRequest.newBuilder().build().toByteArray();
    String pb = "application/x-protobuf";
    String[] ok = {"iftracer_user", "alice", "iftracer_license_key", h.aliceKey, "iftracer_project", "acme-prod"};

    assertStatus(post(r.url(), pb, valid), 401, 16, "no credentials");
    assertStatus(post(r.url(), pb, valid, "iftracer_user", "alice", "iftracer_license_key", "wrong", "iftracer_project", "acme-prod"), 401, 16, "unknown user or key");
    assertStatus(post(r.url(), pb, valid, "iftracer_user", "bob", "iftracer_license_key", h.aliceKey, "iftracer_project", "acme-prod"), 401, 16, "unknown user or key");
    assertStatus(post(r.url(), pb, valid, "iftracer_user", "alice", "iftracer_license_key", h.aliceKey, "iftracer_project", "billing"), 403, 7, "may not write project billing");
    assertStatus(post(r.url(), pb, valid, "Authorization", "Bearer " + h.bobKey, "x-llm-project", "acme-prod"), 403, 7, "may not write");
    assertStatus(post(r.url(), pb, valid, "Authorization", "Bearer " + h.aliceKey), 400, 3, "no project");
    assertStatus(post(r.url(), "text/plain", valid, ok), 415, 3, "Content-Type text/plain");
    assertStatus(post(r.url(), pb, "garbage that is not protobuf".getBytes(UTF_8), ok), 400, 3, "not an OTLP ExportTraceServiceRequest");
    assertStatus(post(r.url(), "application/json", "{\"resourceSpans\": [".getBytes(UTF_8), ok), 400, 3, "invalid OTLP/JSON");
    assertStatus(post(r.url(), pb, new byte[(1 << 20) + 1], ok), 413, 8, "limit is 1048576");
    assertStatus(post(r.url(), pb, OtlpBodyTest.gzip(new byte[16 << 20]), withGzip(ok)), 413, 8, "after gunzip");
    assertStatus(post(r.url(), pb, "not gzip".getBytes(UTF_8), withGzip(ok)), 400, 3, "not valid gzip");
    ExportTraceServiceRequest badId = ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(io.opentelemetry.proto.trace.v1.ScopeSpans.newBuilder()
            .addSpans(Span.newBuilder().setTraceId(com.google.protobuf.ByteString.copyFrom(new byte[5])))))
        .build();
    assertStatus(post(r.url(), pb, badId.toByteArray(), ok), 400, 3, "traceId must be 16 bytes");
    assertThat(OtlpClients.get(r.url()).statusCode()).isEqualTo(405);
    // And a valid empty request is fine: nothing to write.
    assertThat(post(r.url(), pb, valid, ok).statusCode()).isEqualTo(200);
  }


  private static String[] withGzip(String[] headers) {
    List<String> h = new ArrayList<>(List.of(headers));
    h.addAll(List.of("Content-Encoding", "gzip"));
    return h.toArray(String[]::new);
  }


  @Test
  void whileKafkaIsDownRequestsGet503AndNothingAcknowledgedIsLostOrDuplicated() throws Exception {
    ReceiverHarness.Receiver r = h.receiver("outage", "--kafka-timeout-ms", "3000");
    String[] headers = {"Authorization", "Bearer " + h.aliceKey, "iftracer_project", "acme-prod"};
    List<byte[]> requests = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      TraceRequestMarshaler.create(OtlpClients.genAiTraces(2)).writeBinaryTo(out);
      requests.add(out.toByteArray());
    }
    for (int i = 0; i < 5; i++) {
      assertThat(post(r.url(), "application/x-protobuf", requests.get(i), headers).statusCode()).isEqualTo(200);
    }

    h.kafka.stopBroker();
    for (int i = 5; i < 10; i++) {
      HttpResponse<byte[]> res = post(r.url(), "application/x-protobuf", requests.get(i), headers);
      assertStatus(res, 503, 14, "retry");
      assertThat(res.headers().firstValue("Retry-After")).hasValue("5");
    }
    h.kafka.startBroker();

    long deadline = System.currentTimeMillis() + 90_000;
    for (int i = 5; i < 10; i++) {
      int status;
      while ((status = post(r.url(), "application/x-protobuf", requests.get(i), headers).statusCode()) != 200) {
        assertThat(status).isEqualTo(503);
        assertThat(System.currentTimeMillis()).as("Kafka came back within 90 s").isLessThan(deadline);
        Thread.sleep(1000);
      }
    }

    Map<String, Integer> sent = new HashMap<>();
    for (byte[] request : requests) {
      ExportTraceServiceRequest.parseFrom(request).getResourceSpansList().forEach(rs -> rs.getScopeSpansList()
          .forEach(ss -> ss.getSpansList().forEach(s -> sent.merge(Hex.encode(s.getSpanId()), 1, Integer::sum))));
    }
    Map<String, Integer> inKafka = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> rec : h.records(r.topic(), 20)) {
      value(rec).getResourceSpansList().forEach(rs -> rs.getScopeSpansList()
          .forEach(ss -> ss.getSpansList().forEach(s -> inKafka.merge(Hex.encode(s.getSpanId()), 1, Integer::sum))));
    }
    assertThat(sent).hasSize(40);
    assertThat(inKafka).as("every acknowledged span exactly once").isEqualTo(sent);
    Set<Integer> once = new TreeSet<>(inKafka.values());
    assertThat(once).containsExactly(1);
  }
}
