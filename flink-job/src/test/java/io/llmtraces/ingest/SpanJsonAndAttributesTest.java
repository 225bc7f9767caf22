package io.llmtraces.ingest;

import static io.llmtraces.ingest.Normalize.one;
import static io.llmtraces.otlp.Otlp.kv;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.otlp.Otlp;
import io.llmtraces.otlp.OtlpJson;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The raw span as JSON, the bounded attributes column, ids and times. */
class SpanJsonAndAttributesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Span span = Otlp.span("chat")
      .addAttributes(kv("gen_ai.request.model", "gpt-4o"))
      .addAttributes(kv("gen_ai.prompt.0.content", "hi"))
      .addEvents(Otlp.event("gen_ai.choice", Otlp.START + 7, kv("message", "{\"content\":\"yo\"}")))
      .build();
  private final ExportTraceServiceRequest request =
      Otlp.request(Otlp.resource(kv("service.name", "svc"), kv("iftracer.project", "p")), span);

  @Test
  void spanJsonHoldsResourceScopeAndTheWholeSpanWithHexIds() throws Exception {
    NormalizedSpan s = Normalize.one(request);
    JsonNode json = JSON.readTree(s.spanJson());
    assertThat(json.has("truncated")).isFalse();
    assertThat(json.at("/resource/attributes/0/value/stringValue").asText()).isEqualTo("svc");
    assertThat(json.at("/scope/name").asText()).isEqualTo("opentelemetry.instrumentation.openai");
    assertThat(json.at("/span/traceId").asText()).isEqualTo(Otlp.TRACE_ID);
    assertThat(json.at("/span/parentSpanId").asText()).isEqualTo(Otlp.PARENT_ID);
    assertThat(json.at("/span/startTimeUnixNano").asText()).isEqualTo(Long.toString(Otlp.START));
    assertThat(json.at("/span/attributes/1/value/stringValue").asText()).as("content stays visible here").isEqualTo("hi");
    assertThat(json.at("/span/events/0/name").asText()).isEqualTo("gen_ai.choice");
  }

  @Test
  void spanJsonIsFaithfulOtlpJson() throws Exception {
    JsonNode json = JSON.readTree(Normalize.one(request).spanJson());
    String wrapped = "{\"resourceSpans\":[{\"resource\":" + json.get("resource") + ",\"scopeSpans\":[{\"scope\":"
        + json.get("scope") + ",\"spans\":[" + json.get("span") + "]}]}]}";
    assertThat(OtlpJson.parse(wrapped.getBytes(UTF_8))).isEqualTo(request);
  }

  @Test
  void idsAreLowerCaseHexAndTimesMicros() {
    NormalizedSpan s = Normalize.one(request);
    assertThat(s.traceId()).isEqualTo(Otlp.TRACE_ID);
    assertThat(s.spanId()).isEqualTo(Otlp.SPAN_ID);
    assertThat(s.parentSpanId()).isEqualTo(Otlp.PARENT_ID);
    assertThat(s.isRoot()).isFalse();
    assertThat(s.startMicros()).isEqualTo(Otlp.START / 1000);
    assertThat(s.endMicros()).isEqualTo(Otlp.START / 1000 + 1_500_000);
    assertThat(s.durationMs()).isEqualTo(1500.0);
    assertThat(s.project()).isEqualTo("p");
    assertThat(s.serviceName()).isEqualTo("svc");
  }

  @Test
  void attributeValuesAreStringified() {
    AnyValue map = AnyValue.newBuilder().setKvlistValue(KeyValueList.newBuilder()
        .addValues(kv("a", 1L)).addValues(kv("b", "x\"y"))).build();
    NormalizedSpan s = one(Otlp.span("x")
        .addAttributes(Otlp.kvArray("tags", "a", "b"))
        .addAttributes(KeyValue.newBuilder().setKey("map").setValue(map))
        .addAttributes(kv("n", 42L))
        .addAttributes(kv("f", 1.5))
        .addAttributes(kv("ok", true))
        .addAttributes(KeyValue.newBuilder().setKey("empty")));
    assertThat(s.attributes())
        .containsEntry("tags", "[\"a\",\"b\"]")
        .containsEntry("map", "{\"a\":1,\"b\":\"x\\\"y\"}")
        .containsEntry("n", "42")
        .containsEntry("f", "1.5")
        .containsEntry("ok", "true")
        .containsEntry("empty", "");
  }

  @Test
  void aLongArrayValueIsCutToTheValueLimitInChars() {
    KeyValue list = Otlp.kvArray("list", "ж".repeat(30), "✓".repeat(30), "\uD83D\uDE80".repeat(30));
    List<NormalizedSpan> out = new ArrayList<>();
    new SpanNormalizer(new NormalizerLimits(128, 50, 4096)).normalize(
        Otlp.request(Otlp.resource(kv("service.name", "svc")), Otlp.span("x").addAttributes(list).build()), out::add);
    String cut = out.get(0).attributes().get("list");
    assertThat(cut).hasSize(50).startsWith("[\"" + "ж".repeat(30) + "\",\"✓").endsWith("…").doesNotContain("\uFFFD");

    out.clear();
    new SpanNormalizer(new NormalizerLimits(128, 200, 4096)).normalize(
        Otlp.request(Otlp.resource(kv("service.name", "svc")), Otlp.span("x").addAttributes(list).build()), out::add);
    assertThat(out.get(0).attributes().get("list"))
        .isEqualTo("[\"" + "ж".repeat(30) + "\",\"" + "✓".repeat(30) + "\",\"" + "\uD83D\uDE80".repeat(30) + "\"]");
  }

  @Test
  void customLimitsBoundTheAttributesColumn() {
    Span.Builder b = Otlp.span("x");
    for (int i = 0; i < 5; i++) {
      b.addAttributes(kv("k" + i, "v".repeat(100)));
    }
    ExportTraceServiceRequest r = Otlp.request(Otlp.resource(kv("host.name", "h")), b.build());
    List<NormalizedSpan> out = new ArrayList<>();
    new SpanNormalizer(new NormalizerLimits(3, 16, 4096)).normalize(r, out::add);
    assertThat(out.get(0).attributes()).hasSize(3).containsOnlyKeys("k0", "k1", "k2");
    assertThat(out.get(0).attributes().get("k0")).hasSize(16);

    new SpanNormalizer(new NormalizerLimits(6, 32, 4096)).normalize(r, out::add);
    assertThat(out.get(1).attributes()).containsEntry("resource.host.name", "h");
  }

  @Test
  void limitsAreValidated() {
    assertThatThrownBy(() -> new NormalizerLimits(-1, 1024, 65536)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NormalizerLimits(128, 4, 65536)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NormalizerLimits(128, 1024, 100)).isInstanceOf(IllegalArgumentException.class);
    assertThat(NormalizerLimits.DEFAULTS).isEqualTo(new NormalizerLimits(128, 1024, 65536));
  }

  @Test
  void hugeResourceStillLeavesAValidSpanJson() throws Exception {
    ExportTraceServiceRequest r = Otlp.request(
        Otlp.resource(kv("service.name", "svc"), kv("process.command_args", "z".repeat(200_000))), span);
    NormalizedSpan s = Normalize.one(r);
    JsonNode json = JSON.readTree(s.spanJson());
    assertThat(json.get("truncated").asBoolean()).isTrue();
    assertThat(json.at("/span/spanId").asText()).isEqualTo(Otlp.SPAN_ID);
    assertThat(s.attributes().get("resource.process.command_args")).hasSize(1024);
  }

  @Test
  void theSpanJsonLimitIsInUtf8BytesAndBothFormsAgree() throws Exception {
    // 1,950 chars of Cyrillic are 3,900 bytes: with the rest of the span, over a 4,096-byte limit
    // while under 4,096 chars.
    ExportTraceServiceRequest r = Otlp.request(
        Otlp.resource(kv("service.name", "svc")), Otlp.span("x").addAttributes(kv("note", "я".repeat(1_950))).build());
    List<NormalizedSpan> strings = new ArrayList<>();
    List<byte[]> bytes = new ArrayList<>();
    SpanNormalizer small = new SpanNormalizer(new NormalizerLimits(128, 1024, 4096));
    small.normalize(r, strings::add);
    small.normalize(r, (span, json, length) -> {
      assertThat(span.spanJson()).isNull();
      bytes.add(java.util.Arrays.copyOf(json, length));
    });

    String json = strings.get(0).spanJson();
    assertThat(json.length()).isLessThan(4096);
    assertThat(JSON.readTree(json).get("truncated").asBoolean()).isTrue();
    assertThat(JSON.readTree(json).toString()).contains("я".repeat(1000)).doesNotContain("я".repeat(1_950));
    assertThat(new String(bytes.get(0), StandardCharsets.UTF_8)).isEqualTo(json);

    List<NormalizedSpan> whole = new ArrayList<>();
    new SpanNormalizer().normalize(r, whole::add);
    assertThat(whole.get(0).spanJson()).doesNotContain("truncated").contains("я".repeat(1_950));
  }

  @Test
  void aSpanCutShortLeavesNothingBehindForTheNextOnes() throws Exception {
    // One thread writes every span_json with one generator; a span over the limit stops it in
    // the middle of a value, and the spans after must come out whole and alone all the same.
    Span big = Otlp.span("big").addAttributes(kv("note", "z".repeat(10_000))).build();
    ExportTraceServiceRequest r = Otlp.request(Otlp.resource(kv("service.name", "svc")), span, big, span, big, span);
    List<String> jsons = new ArrayList<>();
    new SpanNormalizer(new NormalizerLimits(128, 1024, 4096)).normalize(r, s -> jsons.add(s.spanJson()));

    assertThat(jsons).hasSize(5);
    String whole = Normalize.one(Otlp.request(Otlp.resource(kv("service.name", "svc")), span)).spanJson();
    for (int i : new int[] {0, 2, 4}) {
      assertThat(jsons.get(i)).isEqualTo(whole);
    }
    for (int i : new int[] {1, 3}) {
      JsonNode json = JSON.readTree(jsons.get(i));
      assertThat(json.get("truncated").asBoolean()).isTrue();
      assertThat(json.at("/span/name").asText()).isEqualTo("big");
      assertThat(jsons.get(i).getBytes(UTF_8).length).isLessThanOrEqualTo(4096);
    }
  }

  @Test
  void consumerFailuresPropagate() {
    RuntimeException boom = new IllegalStateException("sink full");
    assertThatThrownBy(() -> new SpanNormalizer().normalize(request, s -> {
      throw boom;
    })).isSameAs(boom);
  }
}
