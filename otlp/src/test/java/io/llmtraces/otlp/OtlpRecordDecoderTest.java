package io.llmtraces.otlp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OtlpRecordDecoderTest {
  private final OtlpRecordDecoder decoder = new OtlpRecordDecoder(1 << 20);
  private final ExportTraceServiceRequest request =
      Otlp.request(Otlp.span("chat").addAttributes(Otlp.kv("gen_ai.request.model", "gpt-4o")).build());

  @Test
  void decodesProtobuf() throws Exception {
    assertThat(decoder.decode(request.toByteArray())).isEqualTo(request);
  }

  @Test
  void decodesJsonWithLeadingWhitespaceOrBom() throws Exception {
    byte[] json = OtlpJson.write(request);
    assertThat(decoder.decode(json)).isEqualTo(request);
    assertThat(decoder.decode(concat(" \r\n\t".getBytes(UTF_8), json))).isEqualTo(request);
    assertThat(decoder.decode(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, json)))
        .isEqualTo(request);
  }

  @Test
  void protobufWhoseFirstLengthByteIsABraceIsStillProtobuf() throws Exception {
    // 0x0A = field 1 (resource_spans), then its length: pad the resource spans to 123 = '{'.
    ResourceSpans.Builder rs = ResourceSpans.newBuilder();
    rs.setSchemaUrl("x");
    while (rs.build().getSerializedSize() < 123) {
      rs.setSchemaUrl(rs.getSchemaUrl() + "x");
    }
    ExportTraceServiceRequest tricky = ExportTraceServiceRequest.newBuilder().addResourceSpans(rs).build();
    byte[] bytes = tricky.toByteArray();
    assertThat(bytes[0]).isEqualTo((byte) '\n');
    assertThat(bytes[1]).isEqualTo((byte) '{');
    assertThat(decoder.decode(bytes)).isEqualTo(tricky);
  }

  @Test
  void rejectsEmptyAndNull() {
    assertReason(null, "empty");
    assertReason(new byte[0], "empty");
    assertReason("  \n ".getBytes(UTF_8), "empty");
  }

  @Test
  void rejectsOversizeRecords() {
    OtlpRecordDecoder small = new OtlpRecordDecoder(10);
    assertThatThrownBy(() -> small.decode(request.toByteArray()))
        .isInstanceOfSatisfying(MalformedRecordException.class, e -> {
          assertThat(e.reason()).isEqualTo("too_large");
          assertThat(e.getMessage()).contains("limit is 10");
        });
  }

  @Test
  void rejectsGarbage() {
    assertReason("hello, I am not OTLP".getBytes(UTF_8), "bad_protobuf");
    assertReason(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff}, "bad_protobuf");
    byte[] truncated = request.toByteArray();
    assertReason(java.util.Arrays.copyOf(truncated, truncated.length - 5), "bad_protobuf");
    assertReason("{\"resourceSpans\":[".getBytes(UTF_8), "bad_json");
    assertReason(" {not json".getBytes(UTF_8), "bad_json");
  }

  @Test
  void randomBytesNeverEscapeAsAnythingButMalformedRecords() {
    Random random = new Random(42);
    for (int i = 0; i < 2000; i++) {
      byte[] bytes = new byte[1 + random.nextInt(200)];
      random.nextBytes(bytes);
      try {
        decoder.decode(bytes);
      } catch (MalformedRecordException e) {
        assertThat(e.reason()).isIn("bad_protobuf", "bad_json", "bad_id", "empty");
      }
    }
  }

  @Test
  void rejectsProtobufIdsOfTheWrongLength() {
    ExportTraceServiceRequest bad =
        Otlp.request(Otlp.span("chat").setSpanId(Otlp.id("abcdef")).build());
    assertReason(bad.toByteArray(), "bad_id");
  }

  @Test
  void declaredEncodingsAreNotGuessed() throws Exception {
    byte[] json = OtlpJson.write(request);
    assertThat(decoder.decodeJson(json)).isEqualTo(request);
    assertThat(decoder.decodeProtobuf(request.toByteArray())).isEqualTo(request);
    assertThat(decoder.decodeProtobuf(new byte[0])).isEqualTo(ExportTraceServiceRequest.getDefaultInstance());
    assertThatThrownBy(() -> decoder.decodeProtobuf(json))
        .isInstanceOfSatisfying(MalformedRecordException.class, e -> assertThat(e.reason()).isEqualTo("bad_protobuf"));
    assertThatThrownBy(() -> decoder.decodeJson(request.toByteArray()))
        .isInstanceOfSatisfying(MalformedRecordException.class, e -> assertThat(e.reason()).isEqualTo("bad_json"));
    assertThatThrownBy(() -> new OtlpRecordDecoder(10).decodeJson(json))
        .isInstanceOfSatisfying(MalformedRecordException.class, e -> assertThat(e.reason()).isEqualTo("too_large"));
  }

  private void assertReason(byte[] value, String reason) {
    assertThatThrownBy(() -> decoder.decode(value))
        .isInstanceOfSatisfying(MalformedRecordException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
