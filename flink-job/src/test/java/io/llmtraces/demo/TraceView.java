package io.llmtraces.demo;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A generated trace flattened for assertions: spans by id, attributes by key, resources. */
final class TraceView {
  /** One span with its attributes and the resource it was sent with. */
  record SpanView(Span span, Map<String, AnyValue> attrs, Map<String, String> resource) {
    String id() {
      return hex(span.getSpanId());
    }

    String parentId() {
      return hex(span.getParentSpanId());
    }

    String str(String key) {
      AnyValue v = attrs.get(key);
      return v == null ? null : v.getStringValue();
    }

    Long num(String key) {
      AnyValue v = attrs.get(key);
      return v == null ? null : v.getIntValue();
    }

    double durationMs() {
      return (span.getEndTimeUnixNano() - span.getStartTimeUnixNano()) / 1e6;
    }
  }

  final GeneratedTrace trace;
  final List<SpanView> spans = new ArrayList<>();
  final Map<String, SpanView> byId = new LinkedHashMap<>();

  TraceView(GeneratedTrace trace) {
    this.trace = trace;
    for (SpanExport export : trace.exports()) {
      for (ResourceSpans rs : export.request().getResourceSpansList()) {
        Map<String, String> resource = new HashMap<>();
        for (KeyValue kv : rs.getResource().getAttributesList()) {
          resource.put(kv.getKey(), kv.getValue().getStringValue());
        }
        for (ScopeSpans ss : rs.getScopeSpansList()) {
          for (Span span : ss.getSpansList()) {
            Map<String, AnyValue> attrs = new HashMap<>();
            for (KeyValue kv : span.getAttributesList()) {
              attrs.put(kv.getKey(), kv.getValue());
            }
            SpanView view = new SpanView(span, attrs, resource);
            spans.add(view);
            byId.put(view.id(), view);
          }
        }
      }
    }
  }

  List<SpanView> roots() {
    return spans.stream().filter(s -> s.span().getParentSpanId().isEmpty()).toList();
  }

  boolean hasFault(FaultType type) {
    return trace.faults().stream().anyMatch(f -> f.type() == type);
  }

  /** The spans of one request. */
  static List<Span> spansOf(SpanExport export) {
    List<Span> out = new ArrayList<>();
    for (ResourceSpans rs : export.request().getResourceSpansList()) {
      for (ScopeSpans ss : rs.getScopeSpansList()) {
        out.addAll(ss.getSpansList());
      }
    }
    return out;
  }

  static String hex(ByteString bytes) {
    StringBuilder sb = new StringBuilder(bytes.size() * 2);
    for (byte b : bytes.toByteArray()) {
      sb.append(String.format("%02x", b));
    }
    return sb.toString();
  }

  /** {@code count} traces from a default generator with this seed. */
  static List<TraceView> generate(long seed, int count) {
    DemoTraffic traffic = new DemoTraffic(DemoTrafficConfig.defaults(seed));
    List<TraceView> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(new TraceView(traffic.next()));
    }
    return out;
  }
}
