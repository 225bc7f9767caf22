package io.llmtraces.ui.ingest;

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
import io.llmtraces.testing.KafkaBroker;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the receiver's integration tests share: an in-process Kafka broker, a user store with
 * alice ({@code acme-*}) and bob ({@code billing}), receivers each writing to its own topic (so a
 * test counts only its own records), and checks of records and error bodies.
 */
final class ReceiverHarness implements AutoCloseable {
  final KafkaBroker kafka;
  final UserStore users;
  final String aliceKey;
  final String bobKey;
  private final Path dir;
  private final List<Receiver> started = new ArrayList<>();

  /** One receiver and where it writes. */
  record Receiver(Javalin app, KafkaPublisher publisher, String url, String topic) {}

  private ReceiverHarness(Path dir) throws Exception {
    this.dir = dir;
    kafka = KafkaBroker.start();
    users = new UserStore(dir.resolve("users.json"), Clock.systemUTC());
    aliceKey = users.add("alice", ProjectPatterns.of("acme-*")).key();
    bobKey = users.add("bob", ProjectPatterns.of("billing")).key();
  }

  static ReceiverHarness start(Path dir) throws Exception {
    return new ReceiverHarness(dir);
  }

  @Override
  public void close() throws Exception {
    for (Receiver r : started) {
      r.app().stop();
      r.publisher().close();
    }
    kafka.close();
  }

  Receiver receiver(String topic, String... extra) throws Exception {
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

  Map<String, String> alice(String project) {
    return Map.of("iftracer_user", "alice", "iftracer_license_key", aliceKey, "iftracer_project", project);
  }

  /** Every record of a topic: waits for at least {@code atLeast}, then 2 s more to catch any extra. */
  List<ConsumerRecord<byte[], byte[]>> records(String topic, int atLeast) {
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

}
