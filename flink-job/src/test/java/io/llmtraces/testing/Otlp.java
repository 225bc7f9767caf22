package io.llmtraces.testing;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.HexFormat;

/** Small builders of OTLP requests for tests. */
public final class Otlp {
  private Otlp() {}

  public static ExportTraceServiceRequest request(Resource resource, Span... spans) {
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder()
                .setResource(resource)
                .addScopeSpans(ScopeSpans.newBuilder().addAllSpans(java.util.List.of(spans))))
        .build();
  }

  public static Resource resource(String... keyValues) {
    Resource.Builder r = Resource.newBuilder();
    for (int i = 0; i < keyValues.length; i += 2) {
      r.addAttributes(attr(keyValues[i], keyValues[i + 1]));
    }
    return r.build();
  }

  /** A span starting {@code startMs} after {@code baseNanos}, lasting {@code durationMs}. */
  public static Span.Builder span(String traceId, String spanId, String parentId, String name, long baseNanos, long startMs, long durationMs) {
    Span.Builder s =
        Span.newBuilder()
            .setTraceId(bytes(traceId))
            .setSpanId(bytes(spanId))
            .setName(name)
            .setKind(Span.SpanKind.SPAN_KIND_INTERNAL)
            .setStartTimeUnixNano(baseNanos + startMs * 1_000_000)
            .setEndTimeUnixNano(baseNanos + (startMs + durationMs) * 1_000_000);
    if (parentId != null) {
      s.setParentSpanId(bytes(parentId));
    }
    return s;
  }

  public static Span.Builder error(Span.Builder s, String message) {
    return s.setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage(message));
  }

  public static KeyValue attr(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }

  public static KeyValue attr(String key, long value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setIntValue(value)).build();
  }

  public static ByteString bytes(String hex) {
    return ByteString.copyFrom(HexFormat.of().parseHex(hex));
  }
}
