package io.llmtraces.ui.ingest;

import static io.llmtraces.ui.ingest.OtlpClients.post;
import static io.llmtraces.ui.ingest.ReceiverHarness.attribute;
import static io.llmtraces.ui.ingest.ReceiverHarness.spansPerTrace;
import static io.llmtraces.ui.ingest.ReceiverHarness.value;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmtraces.otlp.Hex;
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
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receiver over real HTTP into a real Kafka broker, with the official OpenTelemetry SDK as client. */
class OtlpReceiverIT {
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

  private static void export(OtlpHttpSpanExporter exporter, List<SpanData> spans) {
    CompletableResultCode result = exporter.export(spans).join(20, TimeUnit.SECONDS);
    assertThat(result.isSuccess()).as("the SDK's export succeeded").isTrue();
    exporter.shutdown().join(5, TimeUnit.SECONDS);
  }


  @Test
  void sdkProtobufWithGzipArrivesKeyedByTraceIdWithTheProjectStamped() throws Exception {
    ReceiverHarness.Receiver r = h.receiver("sdk_protobuf");
    List<SpanData> spans = OtlpClients.genAiTraces(3);
    export(OtlpClients.exporter(r.url(), h.alice("acme-prod"), false, true), spans);

    List<ConsumerRecord<byte[], byte[]>> records = h.records(r.topic(), 3);
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
    ReceiverHarness.Receiver r = h.receiver("sdk_json");
    List<SpanData> spans = OtlpClients.genAiTraces(2);
    export(OtlpClients.exporter(r.url(), h.alice("acme-json"), true, false), spans);
    // The same spans in the SDK's own OTLP/JSON bytes (hex ids), gzipped, with a bearer key.
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    TraceRequestMarshaler.create(spans).writeJsonTo(json);
    assertThat(json.toString(UTF_8)).contains("\"traceId\":\"" + spans.get(0).getTraceId() + "\"");
    HttpResponse<byte[]> res = post(r.url(), "application/json", OtlpBodyTest.gzip(json.toByteArray()),
        "Content-Encoding", "gzip", "Authorization", "Bearer " + h.aliceKey, "x-llm-project", "acme-json");
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(new String(res.body(), UTF_8)).isEqualTo("{}");

    Map<String, Integer> perTrace = spansPerTrace(h.records(r.topic(), 4), "acme-json");
    assertThat(perTrace).hasSize(2).allSatisfy((trace, n) -> assertThat(n).as("sent twice").isEqualTo(4));
  }

  @Test
  void spansWithInvalidIdsAreRejectedAsPartialSuccess() throws Exception {
    ReceiverHarness.Receiver r = h.receiver("partial");
    List<SpanData> spans = OtlpClients.genAiTraces(1);
    ByteArrayOutputStream proto = new ByteArrayOutputStream();
    TraceRequestMarshaler.create(spans).writeBinaryTo(proto);
    ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(proto.toByteArray());
    ExportTraceServiceRequest.Builder b = request.toBuilder();
    b.getResourceSpansBuilder(0).getScopeSpansBuilder(0).addSpans(Span.newBuilder().setName("no ids"));
    String[] headers = {"iftracer_user", "alice", "iftracer_license_key", h.aliceKey, "iftracer_project", "acme-prod"};

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

    assertThat(spansPerTrace(h.records(r.topic(), 2), "acme-prod").values()).containsExactly(4);
  }

  @Test
  void aBigTraceIsCutIntoRecordsKafkaAcceptsOnOneKey() throws Exception {
    ReceiverHarness.Receiver r = h.receiver("big", "--max-request-bytes", String.valueOf(4 << 20));
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
    HttpResponse<byte[]> res = post(r.url(), "application/x-protobuf", body, "Authorization", "Bearer " + h.aliceKey, "x-llm-project", "acme-big");
    assertThat(res.statusCode()).as(new String(res.body(), UTF_8)).isEqualTo(200);
    assertThat(ExportTraceServiceResponse.parseFrom(res.body()).hasPartialSuccess()).isFalse();

    List<ConsumerRecord<byte[], byte[]>> records = h.records(r.topic(), 3);
    assertThat(records.size()).isBetween(3, 4);
    assertThat(records).allSatisfy(rec -> assertThat(rec.value().length).isLessThan(1_000_000));
    assertThat(spansPerTrace(records, "acme-big")).containsExactly(Map.entry(Hex.encode(com.google.protobuf.ByteString.copyFrom(trace)), 2500));
  }

}
