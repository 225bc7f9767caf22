package io.llmtraces.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmtraces.demo.DemoTraffic;
import io.llmtraces.demo.DemoTrafficConfig;
import io.llmtraces.ingest.SpanNormalizer;
import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.model.SpanKind;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spans survive the trip through bytes exactly, field by field. */
class SpanCodecTest {

  @Test
  void everyFieldFilledComesBackEqual() {
    Map<String, String> attributes = new HashMap<>();
    attributes.put("http.route", "/v1/chat");
    attributes.put("resource.host.name", "gpu-7");
    attributes.put("ключ", "значение ✓ 🚀");
    attributes.put("", "");
    NormalizedSpan span =
        new NormalizedSpan(
            "shop-assistant", "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", "00f067aa0ba902b7",
            "openai.chat ✓", SpanKind.LLM, "checkout", "answer", "llm-step", Long.MIN_VALUE, Long.MAX_VALUE,
            -0.0, "ERROR", "rate limited: 429 «slow down»", true, "RateLimitError", "gpt-4o",
            "gpt-4o-2024-08-06", "text-embedding-3-small", "openai", 0L, -1L, Long.MAX_VALUE, 12L, 3L,
            9_876_543_210L, true, true, "stop", true, 123.456, "session-1", "user-😀", attributes,
            "{\"name\":\"openai.chat\",\"attributes\":[]}");
    assertThat(SpanCodec.decode(SpanCodec.encode(span))).isEqualTo(span);
  }

  @Test
  void spanJsonGivenApartAsBytesEncodesAsTheSameJsonInTheSpan() {
    NormalizedSpan withJson = TestSpans.root("a000000000000001", 0, 1).withBody(Map.of("k", "v"), "{\"name\":\"ünï ✓\"}");
    NormalizedSpan without = withJson.withBody(withJson.attributes(), null);
    byte[] json = ("{\"name\":\"ünï ✓\"}" + "tail not part of it").getBytes(StandardCharsets.UTF_8);
    int length = "{\"name\":\"ünï ✓\"}".getBytes(StandardCharsets.UTF_8).length;

    assertThat(SpanCodec.encode(without, json, length)).isEqualTo(SpanCodec.encode(withJson));
    assertThat(SpanCodec.decode(SpanCodec.encode(without, null, 0))).isEqualTo(without);
  }

  @Test
  void everyNullableFieldEmptyComesBackNull() {
    NormalizedSpan span =
        new NormalizedSpan(
            "p", "t", "s", null, null, SpanKind.OTHER, null, null, null, 0, 0, Double.NaN, null, null, false,
            null, null, null, null, null, null, null, null, null, null, 0, false, false, null, false, null,
            null, null, null, null);
    assertThat(SpanCodec.decode(SpanCodec.encode(span))).isEqualTo(span);
  }

  @Test
  void emptyStringsStayEmptyNotNull() {
    NormalizedSpan span = TestSpans.root("", 0, 1);
    NormalizedSpan back = SpanCodec.decode(SpanCodec.encode(span));
    assertThat(back.spanId()).isEmpty();
    assertThat(back.attributes()).isEmpty();
  }

  @Test
  void demoTrafficOfEveryAttributeFamilyComesBackEqual() {
    DemoTraffic traffic = new DemoTraffic(DemoTrafficConfig.defaults(7));
    SpanNormalizer normalizer = new SpanNormalizer();
    List<NormalizedSpan> spans = new ArrayList<>();
    while (spans.size() < 2_000) {
      for (ExportTraceServiceRequest request : traffic.next().requests()) {
        normalizer.normalize(request, spans::add);
      }
    }
    long bytes = 0;
    for (NormalizedSpan span : spans) {
      byte[] encoded = SpanCodec.encode(span);
      bytes += encoded.length;
      assertThat(SpanCodec.decode(encoded)).isEqualTo(span);
      assertThat(writingForm(encoded)).isEqualTo(span);
    }
    System.out.printf("demo spans: %d bytes encoded on average%n", bytes / spans.size());
  }

  @Test
  void factsAreEverythingButTheBody() {
    NormalizedSpan span = TestSpans.withError(TestSpans.llm("b7ad6b7169203331", "00f067aa0ba902b7", 5, 900, "gpt-4o", 10L, 20L));
    NormalizedSpan facts = SpanCodec.decodeFacts(SpanCodec.encode(span));
    assertThat(facts.attributes()).isEmpty();
    assertThat(facts.spanJson()).isNull();
    assertThat(facts).usingRecursiveComparison().ignoringFields("attributes", "spanJson").isEqualTo(span);
  }

  @Test
  void theFormForWritingHasTheBodyAsUtf8Bytes() {
    Map<String, String> attributes = new HashMap<>();
    attributes.put("ключ", "значение ✓ 🚀");
    attributes.put("absent", null);
    NormalizedSpan span = TestSpans.root("a000000000000001", 0, 1).withBody(attributes, "{\"name\":\"✓\"}");
    byte[] encoded = SpanCodec.encode(span);
    SpanCodec.FactsAndBody decoded = SpanCodec.decodeForWriting(encoded);
    assertThat(decoded.facts()).isEqualTo(SpanCodec.decodeFacts(encoded));
    assertThat(decoded.body().spanJson()).isEqualTo("{\"name\":\"✓\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(writingForm(encoded)).isEqualTo(span);

    NormalizedSpan bare = TestSpans.root("a000000000000001", 0, 1).withBody(null, null);
    SpanCodec.Utf8Body none = SpanCodec.decodeForWriting(SpanCodec.encode(bare)).body();
    assertThat(none.attributeKeys()).isNull();
    assertThat(none.spanJson()).isNull();
  }

  @Test
  void bodiesDecodedForWritingStayValidAfterTheNextDecode() {
    // Bodies are decompressed into a buffer kept per thread: what a decode returns must not be
    // a view of it.
    List<NormalizedSpan> spans = new ArrayList<>();
    List<SpanCodec.Utf8Body> bodies = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Map<String, String> attributes = Map.of("k" + i, "v".repeat(100 * (3 - i)));
      NormalizedSpan span = TestSpans.root("a00000000000000" + i, 0, 1).withBody(attributes, "{\"i\":" + "1".repeat(5000 - i) + "}");
      spans.add(span);
      bodies.add(SpanCodec.decodeForWriting(SpanCodec.encode(span)).body());
    }
    for (int i = 0; i < 3; i++) {
      assertThat(new String(bodies.get(i).spanJson(), StandardCharsets.UTF_8)).isEqualTo(spans.get(i).spanJson());
      assertThat(new String(bodies.get(i).attributeValues()[0], StandardCharsets.UTF_8)).isEqualTo("v".repeat(100 * (3 - i)));
    }
  }

  /** The span again, from what {@link SpanCodec#decodeForWriting} gives a writer. */
  private static NormalizedSpan writingForm(byte[] encoded) {
    SpanCodec.FactsAndBody decoded = SpanCodec.decodeForWriting(encoded);
    SpanCodec.Utf8Body body = decoded.body();
    Map<String, String> attributes = null;
    if (body.attributeKeys() != null) {
      attributes = new HashMap<>();
      for (int i = 0; i < body.attributeKeys().length; i++) {
        byte[] value = body.attributeValues()[i];
        attributes.put(new String(body.attributeKeys()[i], StandardCharsets.UTF_8),
            value == null ? null : new String(value, StandardCharsets.UTF_8));
      }
    }
    byte[] json = body.spanJson();
    return decoded.facts().withBody(attributes, json == null ? null : new String(json, StandardCharsets.UTF_8));
  }

  @Test
  void bytesOfAnotherFormatVersionAreRefusedNotMisread() {
    byte[] encoded = SpanCodec.encode(TestSpans.root("a000000000000001", 0, 1));
    encoded[0] = (byte) (SpanCodec.VERSION + 1);
    assertThatThrownBy(() -> SpanCodec.decode(encoded)).hasMessageContaining("format version");
  }
}
