package io.llmtraces.ui.ingest;

import static io.llmtraces.ui.ingest.OtlpClients.post;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.llmtraces.otlp.Hex;
import io.llmtraces.ui.UiOptions;
import io.llmtraces.ui.auth.ProjectPatterns;
import io.llmtraces.ui.auth.UserStore;
import io.llmtraces.ui.testing.KafkaBroker;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receiver over real HTTP into a real Kafka broker, with the official OpenTelemetry SDK as client. */
class OtlpReceiverIT {
  @TempDir static Path dir;
  static KafkaBroker kafka;
  static UserStore users;
  static String aliceKey;
  static String bobKey;
  static final List<Receiver> started = new ArrayList<>();

  /** One receiver writing to its own topic, so each test counts only its own records. */
  record Receiver(Javalin app, KafkaPublisher publisher, String url, String topic) {}

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = KafkaBroker.start();
    users = new UserStore(dir.resolve("users.json"), Clock.systemUTC());
    aliceKey = users.add("alice", ProjectPatterns.of("acme-*")).key();
    bobKey = users.add("bob", ProjectPatterns.of("billing")).key();
  }

  @AfterAll
  static void stop() throws Exception {
    for (Receiver r : started) {
      r.app().stop();
      r.publisher().close();
    }
    kafka.close();
  }

  static Receiver receiver(String topic, String... extra) throws Exception {
    kafka.createTopic(topic, 3);
    List<String> args = new ArrayList<>(List.of("--otlp-port", "0", "--data-dir", dir.toString(), "--bootstrap-servers",
        kafka.bootstrapServers(), "--topic", topic, "--max-request-bytes", String.valueOf(1 << 20), "--max-pending-bytes", String.valueOf(8 << 20)));
    args.addAll(List.of(extra));
    UiOptions o = UiOptions.parse(args.toArray(String[]::new));
    KafkaPublisher p = KafkaPublisher.create(
        KafkaPublisher.producerConfig(o.bootstrapServers(), o.kafkaTimeout(), o.maxRequestBytes(), o.maxPendingBytes()), topic, o.maxPendingBytes());
    Javalin app = new OtlpReceiver(o, users, p).app().start();
    Receiver r = new Receiver(app, p, "http://127.0.0.1:" + app.port() + OtlpReceiver.PATH, topic);
    started.add(r);
    return r;
  }

  static Map<String, String> alice(String project) {
    return Map.of("iftracer_user", "alice", "iftracer_license_key", aliceKey, "iftracer_project", project);
  }

  /** Every record of a topic: waits for at least {@code atLeast}, then 2 s more to catch any extra. */
  static List<ConsumerRecord<byte[], byte[]>> records(String topic, int atLeast) {
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka.bootstrapServers());
    p.put("group.id", "test-" + System.nanoTime());
    p.put("auto.offset.reset", "earliest");
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.currentTimeMillis() + 30_000;
      while (out.size() < atLeast && System.currentTimeMillis() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
      long quiet = System.currentTimeMillis() + 2_000;
      while (System.currentTimeMillis() < quiet) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  static ExportTraceServiceRequest value(ConsumerRecord<byte[], byte[]> r) throws Exception {
    return ExportTraceServiceRequest.parseFrom(r.value());
  }

  static String attribute(List<KeyValue> attributes, String key) {
    return attributes.stream().filter(a -> a.getKey().equals(key)).map(a -> a.getValue().getStringValue()).findFirst().orElse(null);
  }

  /** Checks records are keyed by the trace id of every span inside, per trace on one partition, project stamped. */
  static Map<String, Integer> spansPerTrace(List<ConsumerRecord<byte[], byte[]>> records, String project) throws Exception {
    Map<String, Integer> spans = new HashMap<>();
    Map<String, Integer> partitionOf = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      String key = new String(r.key(), US_ASCII);
      assertThat(partitionOf.computeIfAbsent(key, k -> r.partition())).as("one partition per trace").isEqualTo(r.partition());
      for (ResourceSpans rs : value(r).getResourceSpansList()) {
        assertThat(rs.getResource().getAttributesList().stream().filter(a -> a.getKey().equals("iftracer.project")).count()).isEqualTo(1);
        assertThat(attribute(rs.getResource().getAttributesList(), "iftracer.project")).isEqualTo(project);
        rs.getScopeSpansList().forEach(ss -> ss.getSpansList().forEach(s -> {
          assertThat(Hex.encode(s.getTraceId())).isEqualTo(key);
          spans.merge(key, 1, Integer::sum);
        }));
      }
    }
    return spans;
  }

  private static void export(OtlpHttpSpanExporter exporter, List<SpanData> spans) {
    CompletableResultCode result = exporter.export(spans).join(20, TimeUnit.SECONDS);
    assertThat(result.isSuccess()).as("the SDK's export succeeded").isTrue();
    exporter.shutdown().join(5, TimeUnit.SECONDS);
  }

  @Test
  void sdkProtobufWithGzipArrivesKeyedByTraceIdWithTheProjectStamped() throws Exception {
    Receiver r = receiver("sdk_protobuf");
    List<SpanData> spans = OtlpClients.genAiTraces(3);
    export(OtlpClients.exporter(r.url(), alice("acme-prod"), false, true), spans);

    List<ConsumerRecord<byte[], byte[]>> records = records(r.topic(), 3);
    assertThat(records).hasSize(3);
    Map<String, Integer> perTrace = spansPerTrace(records, "acme-prod");
    assertThat(perTrace).hasSize(3).allSatisfy((trace, n) -> assertThat(n).isEqualTo(2));
    assertThat(perTrace.keySet()).isEqualTo(new TreeSet<>(spans.stream().map(SpanData::getTraceId).toList()));
    Span llm = value(records.get(0)).getResourceSpans(0).getScopeSpans(0).getSpansList().stream()
        .filter(s -> s.getName().equals("openai.chat")).findFirst().orElseThrow();
    assertThat(attribute(llm.getAttributesList(), "gen_ai.request.model")).isEqualTo("gpt-4o");
    assertThat(attribute(value(records.get(0)).getResourceSpans(0).getResource().getAttributesList(), "service.name")).isEqualTo("chat-app");
  }

  @Test
  void sdkJsonEncodingArrivesAsProtobufRecords() throws Exception {
    Receiver r = receiver("sdk_json");
    List<SpanData> spans = OtlpClients.genAiTraces(2);
    export(OtlpClients.exporter(r.url(), alice("acme-json"), true, false), spans);
    // The same spans in the SDK's own OTLP/JSON bytes (hex ids), gzipped, with a bearer key.
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    TraceRequestMarshaler.create(spans).writeJsonTo(json);
    assertThat(json.toString(UTF_8)).contains("\"traceId\":\"" + spans.get(0).getTraceId() + "\"");
    HttpResponse<byte[]> res = post(r.url(), "application/json", OtlpBodyTest.gzip(json.toByteArray()),
        "Content-Encoding", "gzip", "Authorization", "Bearer " + aliceKey, "x-llm-project", "acme-json");
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(new String(res.body(), UTF_8)).isEqualTo("{}");

    Map<String, Integer> perTrace = spansPerTrace(records(r.topic(), 4), "acme-json");
    assertThat(perTrace).hasSize(2).allSatisfy((trace, n) -> assertThat(n).as("sent twice").isEqualTo(4));
  }

  @Test
  void spansWithInvalidIdsAreRejectedAsPartialSuccess() throws Exception {
    Receiver r = receiver("partial");
    List<SpanData> spans = OtlpClients.genAiTraces(1);
    ByteArrayOutputStream proto = new ByteArrayOutputStream();
    TraceRequestMarshaler.create(spans).writeBinaryTo(proto);
    ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(proto.toByteArray());
    ExportTraceServiceRequest.Builder b = request.toBuilder();
    b.getResourceSpansBuilder(0).getScopeSpansBuilder(0).addSpans(Span.newBuilder().setName("no ids"));
    String[] headers = {"iftracer_user", "alice", "iftracer_license_key", aliceKey, "iftracer_project", "acme-prod"};

    HttpResponse<byte[]> res = post(r.url(), "application/x-protobuf", b.build().toByteArray(), headers);
    assertThat(res.statusCode()).isEqualTo(200);
    ExportTraceServiceResponse response = ExportTraceServiceResponse.parseFrom(res.body());
    assertThat(response.getPartialSuccess().getRejectedSpans()).isEqualTo(1);
    assertThat(response.getPartialSuccess().getErrorMessage()).contains("1 of 3 spans rejected: trace id is empty");

    HttpResponse<byte[]> jsonRes = post(r.url(), "application/json", io.llmtraces.otlp.OtlpJson.write(b.build()), headers);
    assertThat(jsonRes.statusCode()).isEqualTo(200);
    JsonNode body = new ObjectMapper().readTree(jsonRes.body());
    assertThat(body.at("/partialSuccess/rejectedSpans").asText()).isEqualTo("1");
    assertThat(body.at("/partialSuccess/errorMessage").asText()).contains("trace id is empty");

    assertThat(spansPerTrace(records(r.topic(), 2), "acme-prod").values()).containsExactly(4);
  }

  @Test
  void aBigTraceIsCutIntoRecordsKafkaAcceptsOnOneKey() throws Exception {
    Receiver r = receiver("big", "--max-request-bytes", String.valueOf(4 << 20));
    io.opentelemetry.proto.trace.v1.ScopeSpans.Builder ss = io.opentelemetry.proto.trace.v1.ScopeSpans.newBuilder();
    byte[] trace = new byte[16];
    trace[0] = 7;
    for (int i = 0; i < 2500; i++) {
      byte[] spanId = java.nio.ByteBuffer.allocate(8).putLong(i + 1).array();
      ss.addSpans(Span.newBuilder().setTraceId(com.google.protobuf.ByteString.copyFrom(trace))
          .setSpanId(com.google.protobuf.ByteString.copyFrom(spanId)).setName("tool.call")
          .addAttributes(KeyValue.newBuilder().setKey("output.value")
              .setValue(io.opentelemetry.proto.common.v1.AnyValue.newBuilder().setStringValue("x".repeat(1000)))));
    }
    byte[] body = ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(ss)).build().toByteArray();
    assertThat(body.length).isGreaterThan(2_500_000);
    HttpResponse<byte[]> res = post(r.url(), "application/x-protobuf", body, "Authorization", "Bearer " + aliceKey, "x-llm-project", "acme-big");
    assertThat(res.statusCode()).as(new String(res.body(), UTF_8)).isEqualTo(200);
    assertThat(ExportTraceServiceResponse.parseFrom(res.body()).hasPartialSuccess()).isFalse();

    List<ConsumerRecord<byte[], byte[]>> records = records(r.topic(), 3);
    assertThat(records.size()).isBetween(3, 4);
    assertThat(records).allSatisfy(rec -> assertThat(rec.value().length).isLessThan(1_000_000));
    assertThat(spansPerTrace(records, "acme-big")).containsExactly(Map.entry(Hex.encode(com.google.protobuf.ByteString.copyFrom(trace)), 2500));
  }

  @Test
  void everyErrorStatusWithItsStatusBody() throws Exception {
    Receiver r = receiver("errors");
    byte[] valid = ExportTraceServiceRequest.newBuilder().build().toByteArray();
    String pb = "application/x-protobuf";
    String[] ok = {"iftracer_user", "alice", "iftracer_license_key", aliceKey, "iftracer_project", "acme-prod"};

    assertStatus(post(r.url(), pb, valid), 401, 16, "no credentials");
    assertStatus(post(r.url(), pb, valid, "iftracer_user", "alice", "iftracer_license_key", "wrong", "iftracer_project", "acme-prod"), 401, 16, "unknown user or key");
    assertStatus(post(r.url(), pb, valid, "iftracer_user", "bob", "iftracer_license_key", aliceKey, "iftracer_project", "acme-prod"), 401, 16, "unknown user or key");
    assertStatus(post(r.url(), pb, valid, "iftracer_user", "alice", "iftracer_license_key", aliceKey, "iftracer_project", "billing"), 403, 7, "may not write project billing");
    assertStatus(post(r.url(), pb, valid, "Authorization", "Bearer " + bobKey, "x-llm-project", "acme-prod"), 403, 7, "may not write");
    assertStatus(post(r.url(), pb, valid, "Authorization", "Bearer " + aliceKey), 400, 3, "no project");
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

  /** The status, and the google.rpc.Status body in the request's encoding (protobuf here, JSON for JSON and unknown types). */
  static void assertStatus(HttpResponse<byte[]> res, int status, int grpcCode, String message) throws Exception {
    assertThat(res.statusCode()).as(new String(res.body(), UTF_8)).isEqualTo(status);
    String type = res.headers().firstValue("Content-Type").orElse("");
    String text;
    int code;
    if (type.startsWith("application/x-protobuf")) {
      com.google.protobuf.CodedInputStream in = com.google.protobuf.CodedInputStream.newInstance(res.body());
      code = -1;
      text = null;
      for (int tag; (tag = in.readTag()) != 0; ) {
        if (tag == (1 << 3)) {
          code = in.readInt32();
        } else if (tag == (2 << 3 | 2)) {
          text = in.readString();
        } else {
          in.skipField(tag);
        }
      }
    } else {
      JsonNode json = new ObjectMapper().readTree(res.body());
      code = json.get("code").asInt();
      text = json.get("message").asText();
    }
    assertThat(code).isEqualTo(grpcCode);
    assertThat(text).contains(message);
  }

  @Test
  void whileKafkaIsDownRequestsGet503AndNothingAcknowledgedIsLostOrDuplicated() throws Exception {
    Receiver r = receiver("outage", "--kafka-timeout-ms", "3000");
    String[] headers = {"Authorization", "Bearer " + aliceKey, "iftracer_project", "acme-prod"};
    List<byte[]> requests = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      TraceRequestMarshaler.create(OtlpClients.genAiTraces(2)).writeBinaryTo(out);
      requests.add(out.toByteArray());
    }
    for (int i = 0; i < 5; i++) {
      assertThat(post(r.url(), "application/x-protobuf", requests.get(i), headers).statusCode()).isEqualTo(200);
    }

    kafka.stopBroker();
    for (int i = 5; i < 10; i++) {
      HttpResponse<byte[]> res = post(r.url(), "application/x-protobuf", requests.get(i), headers);
      assertStatus(res, 503, 14, "retry");
      assertThat(res.headers().firstValue("Retry-After")).hasValue("5");
    }
    kafka.startBroker();

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
    for (ConsumerRecord<byte[], byte[]> rec : records(r.topic(), 20)) {
      value(rec).getResourceSpansList().forEach(rs -> rs.getScopeSpansList()
          .forEach(ss -> ss.getSpansList().forEach(s -> inKafka.merge(Hex.encode(s.getSpanId()), 1, Integer::sum))));
    }
    assertThat(sent).hasSize(40);
    assertThat(inKafka).as("every acknowledged span exactly once").isEqualTo(sent);
    Set<Integer> once = new TreeSet<>(inKafka.values());
    assertThat(once).containsExactly(1);
  }
}
