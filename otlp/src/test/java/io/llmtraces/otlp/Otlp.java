package io.llmtraces.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.HexFormat;

/** Test helpers that build OTLP messages tersely (here and in the job's tests, through this module's test jar). */
public final class Otlp {
  public static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  public static final String SPAN_ID = "b7ad6b7169203331";
  public static final String PARENT_ID = "00f067aa0ba902b7";
  public static final long START = 1_700_000_000_000_000_000L;

  private Otlp() {}

  public static ByteString id(String hex) {
    return ByteString.copyFrom(HexFormat.of().parseHex(hex));
  }

  public static KeyValue kv(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }

  public static KeyValue kv(String key, long value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setIntValue(value)).build();
  }

  public static KeyValue kv(String key, double value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setDoubleValue(value)).build();
  }

  public static KeyValue kv(String key, boolean value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setBoolValue(value)).build();
  }

  /** A span with ids, name and a 1.5 s duration; callers add attributes. */
  public static KeyValue kvArray(String key, String... values) {
    ArrayValue.Builder a = ArrayValue.newBuilder();
    for (String v : values) {
      a.addValues(AnyValue.newBuilder().setStringValue(v));
    }
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setArrayValue(a)).build();
  }

  public static Span.Builder span(String name) {
    return Span.newBuilder()
        .setTraceId(id(TRACE_ID))
        .setSpanId(id(SPAN_ID))
        .setParentSpanId(id(PARENT_ID))
        .setName(name)
        .setKind(Span.SpanKind.SPAN_KIND_CLIENT)
        .setStartTimeUnixNano(START)
        .setEndTimeUnixNano(START + 1_500_000_000L);
  }

  public static Span.Event event(String name, long timeNanos, KeyValue... attributes) {
    Span.Event.Builder e = Span.Event.newBuilder().setName(name).setTimeUnixNano(timeNanos);
    for (KeyValue kv : attributes) {
      e.addAttributes(kv);
    }
    return e.build();
  }

  public static Resource resource(KeyValue... attributes) {
    Resource.Builder r = Resource.newBuilder();
    for (KeyValue kv : attributes) {
      r.addAttributes(kv);
    }
    return r.build();
  }

  public static ExportTraceServiceRequest request(Resource resource, Span... spans) {
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

  public static ExportTraceServiceRequest request(Span... spans) {
    return request(resource(kv("service.name", "chat-app")), spans);
  }
}
