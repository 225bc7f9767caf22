package io.llmtraces.otlp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.EntityRef;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.IOException;
import java.util.Base64;
import java.util.List;

/**
 * Writes OTLP protobuf messages as OTLP/JSON with Jackson's streaming generator: hex ids, int64 as
 * strings, enums as integers, default values omitted (as the Collector writes it).
 *
 * <p>A bounded instance cuts strings and lists, for span_json's reduced form; the cuts keep the
 * output valid JSON.
 */
public final class OtlpJsonWriter {
  // The names written for every attribute, encoded once (Jackson would escape them every time).
  private static final SerializedString KEY_NAME = new SerializedString("key");
  private static final SerializedString VALUE_NAME = new SerializedString("value");
  private static final SerializedString STRING_VALUE_NAME = new SerializedString("stringValue");
  private static final SerializedString INT_VALUE_NAME = new SerializedString("intValue");

  /** Writes every value whole. */
  public static final OtlpJsonWriter FULL = new OtlpJsonWriter(Integer.MAX_VALUE, Integer.MAX_VALUE);

  private final int maxStringChars;
  private final int maxListItems;

  public OtlpJsonWriter(int maxStringChars, int maxListItems) {
    this.maxStringChars = maxStringChars;
    this.maxListItems = maxListItems;
  }

  public void request(JsonGenerator g, ExportTraceServiceRequest r) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("resourceSpans");
    for (ResourceSpans rs : r.getResourceSpansList()) {
      resourceSpans(g, rs);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private void resourceSpans(JsonGenerator g, ResourceSpans rs) throws IOException {
    g.writeStartObject();
    if (rs.hasResource()) {
      g.writeFieldName("resource");
      resource(g, rs.getResource());
    }
    g.writeArrayFieldStart("scopeSpans");
    for (ScopeSpans ss : rs.getScopeSpansList()) {
      g.writeStartObject();
      if (ss.hasScope()) {
        g.writeFieldName("scope");
        scope(g, ss.getScope());
      }
      g.writeArrayFieldStart("spans");
      for (Span s : ss.getSpansList()) {
        span(g, s);
      }
      g.writeEndArray();
      string(g, "schemaUrl", ss.getSchemaUrl());
      g.writeEndObject();
    }
    g.writeEndArray();
    string(g, "schemaUrl", rs.getSchemaUrl());
    g.writeEndObject();
  }

  public void resource(JsonGenerator g, Resource r) throws IOException {
    g.writeStartObject();
    attributes(g, r.getAttributesList());
    count(g, "droppedAttributesCount", r.getDroppedAttributesCount());
    if (r.getEntityRefsCount() > 0) {
      g.writeArrayFieldStart("entityRefs");
      for (EntityRef e : r.getEntityRefsList()) {
        g.writeStartObject();
        string(g, "schemaUrl", e.getSchemaUrl());
        string(g, "type", e.getType());
        strings(g, "idKeys", e.getIdKeysList());
        strings(g, "descriptionKeys", e.getDescriptionKeysList());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  public void scope(JsonGenerator g, InstrumentationScope s) throws IOException {
    g.writeStartObject();
    string(g, "name", s.getName());
    string(g, "version", s.getVersion());
    attributes(g, s.getAttributesList());
    count(g, "droppedAttributesCount", s.getDroppedAttributesCount());
    g.writeEndObject();
  }

  public void span(JsonGenerator g, Span s) throws IOException {
    g.writeStartObject();
    string(g, "traceId", Hex.encode(s.getTraceId()));
    string(g, "spanId", Hex.encode(s.getSpanId()));
    string(g, "traceState", s.getTraceState());
    string(g, "parentSpanId", Hex.encode(s.getParentSpanId()));
    count(g, "flags", s.getFlags());
    string(g, "name", s.getName());
    enumValue(g, "kind", s.getKindValue());
    nanos(g, "startTimeUnixNano", s.getStartTimeUnixNano());
    nanos(g, "endTimeUnixNano", s.getEndTimeUnixNano());
    attributes(g, s.getAttributesList());
    count(g, "droppedAttributesCount", s.getDroppedAttributesCount());
    if (s.getEventsCount() > 0) {
      g.writeArrayFieldStart("events");
      int n = Math.min(s.getEventsCount(), maxListItems);
      for (int i = 0; i < n; i++) {
        Span.Event e = s.getEvents(i);
        g.writeStartObject();
        nanos(g, "timeUnixNano", e.getTimeUnixNano());
        string(g, "name", e.getName());
        attributes(g, e.getAttributesList());
        count(g, "droppedAttributesCount", e.getDroppedAttributesCount());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    count(g, "droppedEventsCount", s.getDroppedEventsCount());
    if (s.getLinksCount() > 0) {
      g.writeArrayFieldStart("links");
      int n = Math.min(s.getLinksCount(), maxListItems);
      for (int i = 0; i < n; i++) {
        Span.Link l = s.getLinks(i);
        g.writeStartObject();
        string(g, "traceId", Hex.encode(l.getTraceId()));
        string(g, "spanId", Hex.encode(l.getSpanId()));
        string(g, "traceState", l.getTraceState());
        attributes(g, l.getAttributesList());
        count(g, "droppedAttributesCount", l.getDroppedAttributesCount());
        count(g, "flags", l.getFlags());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    count(g, "droppedLinksCount", s.getDroppedLinksCount());
    if (s.hasStatus()) {
      Status st = s.getStatus();
      g.writeObjectFieldStart("status");
      string(g, "message", st.getMessage());
      enumValue(g, "code", st.getCodeValue());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private void attributes(JsonGenerator g, List<KeyValue> attributes) throws IOException {
    if (attributes.isEmpty()) {
      return;
    }
    g.writeFieldName("attributes");
    keyValues(g, attributes);
  }

  private void keyValues(JsonGenerator g, List<KeyValue> kvs) throws IOException {
    g.writeStartArray();
    int n = Math.min(kvs.size(), maxListItems);
    for (int i = 0; i < n; i++) {
      KeyValue kv = kvs.get(i);
      g.writeStartObject();
      g.writeFieldName(KEY_NAME);
      g.writeString(Strings.truncate(kv.getKey(), maxStringChars));
      if (kv.hasValue()) {
        g.writeFieldName(VALUE_NAME);
        anyValue(g, kv.getValue());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private void anyValue(JsonGenerator g, AnyValue v) throws IOException {
    g.writeStartObject();
    switch (v.getValueCase()) {
      case STRING_VALUE -> {
        // Prompts and completions are most of span_json's bytes: the fast escaper.
        g.writeFieldName(STRING_VALUE_NAME);
        JsonText.writeString(g, Strings.truncate(v.getStringValue(), maxStringChars));
      }
      case BOOL_VALUE -> g.writeBooleanField("boolValue", v.getBoolValue());
      case INT_VALUE -> {
        g.writeFieldName(INT_VALUE_NAME);
        g.writeString(Long.toString(v.getIntValue()));
      }
      case DOUBLE_VALUE -> doubleField(g, v.getDoubleValue());
      case BYTES_VALUE -> {
        byte[] bytes = v.getBytesValue().toByteArray();
        String b64 = Base64.getEncoder().encodeToString(bytes);
        // A cut base64 string would not decode: drop the value instead of cutting it.
        g.writeStringField("bytesValue", b64.length() <= maxStringChars ? b64 : "");
      }
      case ARRAY_VALUE -> {
        g.writeObjectFieldStart("arrayValue");
        g.writeArrayFieldStart("values");
        List<AnyValue> values = v.getArrayValue().getValuesList();
        int n = Math.min(values.size(), maxListItems);
        for (int i = 0; i < n; i++) {
          anyValue(g, values.get(i));
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      case KVLIST_VALUE -> {
        g.writeObjectFieldStart("kvlistValue");
        g.writeFieldName("values");
        keyValues(g, v.getKvlistValue().getValuesList());
        g.writeEndObject();
      }
      default -> {
        // empty value, or the profiles-only string index: written as an empty value
      }
    }
    g.writeEndObject();
  }

  private static void doubleField(JsonGenerator g, double d) throws IOException {
    if (Double.isFinite(d)) {
      g.writeNumberField("doubleValue", d);
    } else {
      g.writeStringField(
          "doubleValue", Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
    }
  }

  private void string(JsonGenerator g, String field, String value) throws IOException {
    if (!value.isEmpty()) {
      g.writeStringField(field, Strings.truncate(value, maxStringChars));
    }
  }

  private void strings(JsonGenerator g, String field, List<String> values) throws IOException {
    if (values.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart(field);
    for (String s : values) {
      g.writeString(Strings.truncate(s, maxStringChars));
    }
    g.writeEndArray();
  }

  private static void count(JsonGenerator g, String field, int value) throws IOException {
    if (value != 0) {
      // uint32/fixed32 fields: print the unsigned value
      g.writeNumberField(field, Integer.toUnsignedLong(value));
    }
  }

  private static void enumValue(JsonGenerator g, String field, int value) throws IOException {
    if (value != 0) {
      g.writeNumberField(field, value);
    }
  }

  private static void nanos(JsonGenerator g, String field, long value) throws IOException {
    if (value != 0) {
      g.writeStringField(field, Long.toUnsignedString(value));
    }
  }
}
