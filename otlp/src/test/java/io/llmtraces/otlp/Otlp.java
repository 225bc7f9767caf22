package io.llmtraces.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.HexFormat;

/** Test helpers that build OTLP messages tersely (the subset the codec tests need). */
final class Otlp {
  static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  static final String SPAN_ID = "b7ad6b7169203331";
  static final String PARENT_ID = "00f067aa0ba902b7";
  static final long START = 1_700_000_000_000_000_000L;

  private Otlp() {}

  static ByteString id(String hex) {
    return ByteString.copyFrom(HexFormat.of().parseHex(hex));
  }

  static KeyValue kv(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }

  static KeyValue kv(String key, long value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setIntValue(value)).build();
  }

  static KeyValue kv(String key, double value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setDoubleValue(value)).build();
  }

  static KeyValue kv(String key, boolean value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setBoolValue(value)).build();
  }

  /** A span with ids, name and a 1.5 s duration; callers add attributes. */
  static Span.Builder span(String name) {
    return Span.newBuilder()
        .setTraceId(id(TRACE_ID))
        .setSpanId(id(SPAN_ID))
        .setParentSpanId(id(PARENT_ID))
        .setName(name)
        .setKind(Span.SpanKind.SPAN_KIND_CLIENT)
        .setStartTimeUnixNano(START)
        .setEndTimeUnixNano(START + 1_500_000_000L);
  }

  static Span.Event event(String name, long timeNanos, KeyValue... attributes) {
    Span.Event.Builder e = Span.Event.newBuilder().setName(name).setTimeUnixNano(timeNanos);
    for (KeyValue kv : attributes) {
      e.addAttributes(kv);
    }
    return e.build();
  }

  static ExportTraceServiceRequest request(Resource resource, Span... spans) {
    ScopeSpans.Builder ss =
        ScopeSpans.newBuilder()
            .setScope(InstrumentationScope.newBuilder().setName("opentelemetry.instrumentation.openai").setVersion("0.40.0"));
    for (Span s : spans) {
      ss.addSpans(s);
    }
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(ResourceSpans.newBuilder().setResource(resource).addScopeSpans(ss))
        .build();
  }

  static ExportTraceServiceRequest request(Span... spans) {
    return request(Resource.newBuilder().addAttributes(kv("service.name", "chat-app")).build(), spans);
  }
}
