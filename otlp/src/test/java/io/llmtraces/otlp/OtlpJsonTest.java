package io.llmtraces.otlp;

import static io.llmtraces.otlp.Otlp.kv;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.EntityRef;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import org.junit.jupiter.api.Test;

class OtlpJsonTest {

  private static ExportTraceServiceRequest parse(String json) throws MalformedRecordException {
    return OtlpJson.parse(json.getBytes(UTF_8));
  }

  @Test
  void readsHexIdsAsTheCollectorWritesThem() throws Exception {
    String json = """
        {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc"}}]},
          "scopeSpans":[{"scope":{"name":"lib","version":"1.0"},"spans":[{
            "traceId":"0AF7651916CD43DD8448EB211C80319C","spanId":"b7ad6b7169203331","parentSpanId":"",
            "name":"chat","kind":3,"startTimeUnixNano":"1700000000000000000","endTimeUnixNano":1700000001000000000,
            "status":{"code":2,"message":"boom"},
            "links":[{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"00f067aa0ba902b7"}]}]}]}]}
        """;
    Span span = parse(json).getResourceSpans(0).getScopeSpans(0).getSpans(0);
    assertThat(span.getTraceId()).isEqualTo(Otlp.id(Otlp.TRACE_ID));
    assertThat(span.getSpanId()).isEqualTo(Otlp.id(Otlp.SPAN_ID));
    assertThat(span.getParentSpanId()).isEqualTo(ByteString.EMPTY);
    assertThat(span.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
    assertThat(span.getStartTimeUnixNano()).isEqualTo(1_700_000_000_000_000_000L);
    assertThat(span.getEndTimeUnixNano()).isEqualTo(1_700_000_001_000_000_000L);
    assertThat(span.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
    assertThat(span.getLinks(0).getSpanId()).isEqualTo(Otlp.id(Otlp.PARENT_ID));
  }

  @Test
  void acceptsSnakeCaseEnumNamesAndIgnoresUnknownFields() throws Exception {
    String json = """
        {"resource_spans":[{"scope_spans":[{"spans":[{
            "trace_id":"0af7651916cd43dd8448eb211c80319c","span_id":"b7ad6b7169203331",
            "parent_span_id":"00f067aa0ba902b7","kind":"SPAN_KIND_SERVER",
            "start_time_unix_nano":"5","end_time_unix_nano":"7","mystery":{"a":[1,2,{"b":null}]},
            "status":{"code":"STATUS_CODE_OK"},
            "attributes":[{"key":"n","value":{"int_value":"42"}},{"key":"d","value":{"double_value":"NaN"}},
                          {"key":"b","value":{"bool_value":true}}]}]}]}],"extra":1}
        """;
    Span span = parse(json).getResourceSpans(0).getScopeSpans(0).getSpans(0);
    assertThat(span.getParentSpanId()).isEqualTo(Otlp.id(Otlp.PARENT_ID));
    assertThat(span.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
    assertThat(span.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_OK);
    assertThat(span.getEndTimeUnixNano()).isEqualTo(7);
    assertThat(span.getAttributes(0).getValue().getIntValue()).isEqualTo(42);
    assertThat(span.getAttributes(1).getValue().getDoubleValue()).isNaN();
    assertThat(span.getAttributes(2).getValue().getBoolValue()).isTrue();
  }

  @Test
  void roundTripsEveryField() throws Exception {
    AnyValue nested =
        AnyValue.newBuilder()
            .setKvlistValue(
                KeyValueList.newBuilder()
                    .addValues(kv("inner", "x"))
                    .addValues(KeyValue.newBuilder().setKey("arr").setValue(AnyValue.newBuilder()
                        .setArrayValue(ArrayValue.newBuilder()
                            .addValues(AnyValue.newBuilder().setIntValue(-3))
                            .addValues(AnyValue.newBuilder().setDoubleValue(Double.NEGATIVE_INFINITY))
                            .addValues(AnyValue.newBuilder().setBytesValue(ByteString.copyFromUtf8("\u0000bin")))
                            .addValues(AnyValue.getDefaultInstance())))))
            .build();
    Span span =
        Otlp.span("chat gpt-4o")
            .setTraceState("k=v")
            .setFlags(0x301)
            .addAttributes(kv("gen_ai.request.model", "gpt-4o"))
            .addAttributes(kv("big", Long.MIN_VALUE))
            .addAttributes(kv("pi", 3.25))
            .addAttributes(KeyValue.newBuilder().setKey("nested").setValue(nested))
            .setDroppedAttributesCount(3)
            .addEvents(Otlp.event("exception", Otlp.START + 5, kv("exception.type", "ValueError")))
            .setDroppedEventsCount(1)
            .addLinks(Span.Link.newBuilder().setTraceId(Otlp.id(Otlp.TRACE_ID)).setSpanId(Otlp.id(Otlp.PARENT_ID))
                .setFlags(-1).addAttributes(kv("l", true)))
            .setDroppedLinksCount(2)
            .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("bad"))
            .setEndTimeUnixNano(-1L) // unsigned max: fixed64 keeps its bits
            .build();
    Resource resource =
        Resource.newBuilder()
            .addAttributes(kv("service.name", "svc"))
            .setDroppedAttributesCount(4)
            .addEntityRefs(EntityRef.newBuilder().setType("service").addIdKeys("service.name"))
            .build();
    ExportTraceServiceRequest request = Otlp.request(resource, span).toBuilder()
        .setResourceSpans(0, Otlp.request(resource, span).getResourceSpans(0).toBuilder().setSchemaUrl("https://s"))
        .build();

    byte[] json = OtlpJson.write(request);

    assertThat(new String(json, UTF_8)).contains("\"traceId\":\"" + Otlp.TRACE_ID + "\"");
    assertThat(OtlpJson.parse(json)).isEqualTo(request);
  }

  @Test
  void roundTripsAnEmptyRequest() throws Exception {
    ExportTraceServiceRequest empty = ExportTraceServiceRequest.getDefaultInstance();
    assertThat(OtlpJson.parse(OtlpJson.write(empty))).isEqualTo(empty);
    assertThat(parse("{}")).isEqualTo(empty);
  }

  @Test
  void emptyIdsAreAllowed() throws Exception {
    Span span = parse("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"\",\"spanId\":\"\"}]}]}]}")
        .getResourceSpans(0).getScopeSpans(0).getSpans(0);
    assertThat(span.getTraceId()).isEmpty();
  }

  @Test
  void rejectsBadIdsWithReason() {
    String base64TraceId = "CvdlGRbNQ92ESOshHIAxnA==";
    assertBad("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"" + base64TraceId + "\"}]}]}]}",
        "bad_id", "traceId must be 32 hex digits");
    assertBad("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"spanId\":\"zzad6b7169203331\"}]}]}]}",
        "bad_id", "not hex");
    assertBad("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"links\":[{\"spanId\":\"abc\"}]}]}]}]}",
        "bad_id", "link spanId");
  }

  @Test
  void rejectsMalformedJsonWithReason() {
    assertBad("{\"resourceSpans\":[{\"scopeSpans\":[", "bad_json", "invalid OTLP/JSON");
    assertBad("[1,2]", "bad_json", "must be an object");
    assertBad("{\"resourceSpans\":{}}", "bad_json", "must be an array");
    assertBad("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"startTimeUnixNano\":\"soon\"}]}]}]}",
        "bad_json", "startTimeUnixNano must be an integer");
    assertBad("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"startTimeUnixNano\":\"1e999999999\"}]}]}]}",
        "bad_json", "must be an integer");
    assertBad("{} trailing", "bad_json", "");
  }

  private static void assertBad(String json, String reason, String messagePart) {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOfSatisfying(MalformedRecordException.class, e -> {
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.getMessage()).contains(messagePart).doesNotContain("\n");
        });
  }
}
