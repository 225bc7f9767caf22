package io.llmtraces.otlp;

import static io.llmtraces.otlp.JsonScalars.int32;
import static io.llmtraces.otlp.JsonScalars.int64;
import static io.llmtraces.otlp.JsonScalars.string;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.EntityRef;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads OTLP/JSON into protobuf builders with Jackson's streaming parser.
 *
 * <p>Hand-written rather than protobuf's JsonFormat because OTLP/JSON deviates from proto3 JSON
 * (ids are hex, not base64) and because it is several times faster. Field names are accepted in
 * lowerCamelCase and snake_case; unknown fields are skipped.
 */
final class OtlpJsonReader {
  private final JsonParser p;

  OtlpJsonReader(JsonParser p) {
    this.p = p;
  }

  ExportTraceServiceRequest readRequest() throws IOException, MalformedRecordException {
    ExportTraceServiceRequest.Builder b = ExportTraceServiceRequest.newBuilder();
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new MalformedRecordException(
          MalformedRecordException.BAD_JSON, "OTLP/JSON must be an object at " + JsonScalars.where(p));
    }
    object("request", name -> switch (name) {
      case "resourceSpans", "resource_spans" ->
          array(name, () -> resourceSpans(b.addResourceSpansBuilder()));
      default -> false;
    });
    if (p.nextToken() != null) {
      throw new MalformedRecordException(
          MalformedRecordException.BAD_JSON, "content after the JSON object at " + JsonScalars.where(p));
    }
    return b.build();
  }

  private void resourceSpans(ResourceSpans.Builder b) throws IOException, MalformedRecordException {
    object("resourceSpans", name -> switch (name) {
      case "resource" -> resource(b.getResourceBuilder());
      case "scopeSpans", "scope_spans" -> array(name, () -> scopeSpans(b.addScopeSpansBuilder()));
      case "schemaUrl", "schema_url" -> done(b.setSchemaUrl(string(p, name)));
      default -> false;
    });
  }

  private boolean resource(Resource.Builder b) throws IOException, MalformedRecordException {
    return object("resource", name -> switch (name) {
      case "attributes" -> array(name, () -> keyValue(b.addAttributesBuilder()));
      case "droppedAttributesCount", "dropped_attributes_count" ->
          done(b.setDroppedAttributesCount(int32(p, name)));
      case "entityRefs", "entity_refs" -> array(name, () -> entityRef(b.addEntityRefsBuilder()));
      default -> false;
    });
  }

  private void entityRef(EntityRef.Builder b) throws IOException, MalformedRecordException {
    object("entityRef", name -> switch (name) {
      case "schemaUrl", "schema_url" -> done(b.setSchemaUrl(string(p, name)));
      case "type" -> done(b.setType(string(p, name)));
      case "idKeys", "id_keys" -> array(name, () -> b.addIdKeys(string(p, name)));
      case "descriptionKeys", "description_keys" ->
          array(name, () -> b.addDescriptionKeys(string(p, name)));
      default -> false;
    });
  }

  private void scopeSpans(ScopeSpans.Builder b) throws IOException, MalformedRecordException {
    object("scopeSpans", name -> switch (name) {
      case "scope" -> scope(b.getScopeBuilder());
      case "spans" -> array(name, () -> span(b.addSpansBuilder()));
      case "schemaUrl", "schema_url" -> done(b.setSchemaUrl(string(p, name)));
      default -> false;
    });
  }

  private boolean scope(InstrumentationScope.Builder b) throws IOException, MalformedRecordException {
    return object("scope", name -> switch (name) {
      case "name" -> done(b.setName(string(p, name)));
      case "version" -> done(b.setVersion(string(p, name)));
      case "attributes" -> array(name, () -> keyValue(b.addAttributesBuilder()));
      case "droppedAttributesCount", "dropped_attributes_count" ->
          done(b.setDroppedAttributesCount(int32(p, name)));
      default -> false;
    });
  }

  private void span(Span.Builder b) throws IOException, MalformedRecordException {
    object("span", name -> switch (name) {
      case "traceId", "trace_id" -> done(b.setTraceId(traceId(name)));
      case "spanId", "span_id" -> done(b.setSpanId(spanId(name)));
      case "parentSpanId", "parent_span_id" -> done(b.setParentSpanId(spanId(name)));
      case "traceState", "trace_state" -> done(b.setTraceState(string(p, name)));
      case "flags" -> done(b.setFlags(int32(p, name)));
      case "name" -> done(b.setName(string(p, name)));
      case "kind" -> done(b.setKindValue(JsonScalars.enumValue(p, name, OtlpJsonReader::spanKind)));
      case "startTimeUnixNano", "start_time_unix_nano" ->
          done(b.setStartTimeUnixNano(int64(p, name)));
      case "endTimeUnixNano", "end_time_unix_nano" -> done(b.setEndTimeUnixNano(int64(p, name)));
      case "attributes" -> array(name, () -> keyValue(b.addAttributesBuilder()));
      case "droppedAttributesCount", "dropped_attributes_count" ->
          done(b.setDroppedAttributesCount(int32(p, name)));
      case "events" -> array(name, () -> event(b.addEventsBuilder()));
      case "droppedEventsCount", "dropped_events_count" ->
          done(b.setDroppedEventsCount(int32(p, name)));
      case "links" -> array(name, () -> link(b.addLinksBuilder()));
      case "droppedLinksCount", "dropped_links_count" ->
          done(b.setDroppedLinksCount(int32(p, name)));
      case "status" -> status(b.getStatusBuilder());
      default -> false;
    });
  }

  private void event(Span.Event.Builder b) throws IOException, MalformedRecordException {
    object("event", name -> switch (name) {
      case "timeUnixNano", "time_unix_nano" -> done(b.setTimeUnixNano(int64(p, name)));
      case "name" -> done(b.setName(string(p, name)));
      case "attributes" -> array(name, () -> keyValue(b.addAttributesBuilder()));
      case "droppedAttributesCount", "dropped_attributes_count" ->
          done(b.setDroppedAttributesCount(int32(p, name)));
      default -> false;
    });
  }

  private void link(Span.Link.Builder b) throws IOException, MalformedRecordException {
    object("link", name -> switch (name) {
      case "traceId", "trace_id" -> done(b.setTraceId(traceId("link " + name)));
      case "spanId", "span_id" -> done(b.setSpanId(spanId("link " + name)));
      case "traceState", "trace_state" -> done(b.setTraceState(string(p, name)));
      case "attributes" -> array(name, () -> keyValue(b.addAttributesBuilder()));
      case "droppedAttributesCount", "dropped_attributes_count" ->
          done(b.setDroppedAttributesCount(int32(p, name)));
      case "flags" -> done(b.setFlags(int32(p, name)));
      default -> false;
    });
  }

  private boolean status(Status.Builder b) throws IOException, MalformedRecordException {
    return object("status", name -> switch (name) {
      case "message" -> done(b.setMessage(string(p, name)));
      case "code" -> done(b.setCodeValue(JsonScalars.enumValue(p, name, OtlpJsonReader::statusCode)));
      default -> false;
    });
  }

  private void keyValue(KeyValue.Builder b) throws IOException, MalformedRecordException {
    object("attribute", name -> switch (name) {
      case "key" -> done(b.setKey(string(p, name)));
      case "value" -> anyValue(b.getValueBuilder());
      default -> false;
    });
  }

  private boolean anyValue(AnyValue.Builder b) throws IOException, MalformedRecordException {
    return object("value", name -> switch (name) {
      case "stringValue", "string_value" -> done(b.setStringValue(string(p, name)));
      case "boolValue", "bool_value" -> done(b.setBoolValue(JsonScalars.bool(p, name)));
      case "intValue", "int_value" -> done(b.setIntValue(int64(p, name)));
      case "doubleValue", "double_value" -> done(b.setDoubleValue(JsonScalars.float64(p, name)));
      case "bytesValue", "bytes_value" ->
          done(b.setBytesValue(ByteString.copyFrom(JsonScalars.base64(p, name))));
      case "arrayValue", "array_value" -> arrayValue(b.getArrayValueBuilder());
      case "kvlistValue", "kvlist_value" -> kvlistValue(b.getKvlistValueBuilder());
      default -> false;
    });
  }

  private boolean arrayValue(ArrayValue.Builder b) throws IOException, MalformedRecordException {
    return object("arrayValue", name -> name.equals("values")
        && array(name, () -> anyValue(b.addValuesBuilder())));
  }

  private boolean kvlistValue(KeyValueList.Builder b) throws IOException, MalformedRecordException {
    return object("kvlistValue", name -> name.equals("values")
        && array(name, () -> keyValue(b.addValuesBuilder())));
  }

  private ByteString traceId(String field) throws IOException, MalformedRecordException {
    return Hex.decodeId(string(p, field), Hex.TRACE_ID_BYTES, field);
  }

  private ByteString spanId(String field) throws IOException, MalformedRecordException {
    return Hex.decodeId(string(p, field), Hex.SPAN_ID_BYTES, field);
  }

  private static int spanKind(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    for (Span.SpanKind k : Span.SpanKind.values()) {
      if (k != Span.SpanKind.UNRECOGNIZED
          && (k.name().equals(n) || k.name().equals("SPAN_KIND_" + n))) {
        return k.getNumber();
      }
    }
    return 0;
  }

  private static int statusCode(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    for (Status.StatusCode c : Status.StatusCode.values()) {
      if (c != Status.StatusCode.UNRECOGNIZED
          && (c.name().equals(n) || c.name().equals("STATUS_CODE_" + n))) {
        return c.getNumber();
      }
    }
    return 0;
  }

  /** Reads one field's value; returns false when the field is unknown and must be skipped. */
  @FunctionalInterface
  private interface FieldReader {
    boolean read(String name) throws IOException, MalformedRecordException;
  }

  /** Reads one array element, the parser on its first token. */
  @FunctionalInterface
  private interface ElementReader {
    void read() throws IOException, MalformedRecordException;
  }

  /** Reads an object whose START_OBJECT is the current token; null stands for the default. */
  private boolean object(String what, FieldReader fields) throws IOException, MalformedRecordException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return true;
    }
    if (t != JsonToken.START_OBJECT) {
      throw JsonScalars.bad(p, what, "an object");
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (!fields.read(name)) {
        p.skipChildren();
      }
    }
    return true;
  }

  private boolean array(String what, ElementReader element)
      throws IOException, MalformedRecordException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return true;
    }
    if (t != JsonToken.START_ARRAY) {
      throw JsonScalars.bad(p, what, "an array");
    }
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw JsonScalars.bad(p, what, "a closed array");
      }
      if (t != JsonToken.VALUE_NULL) {
        element.read();
      }
    }
    return true;
  }

  private static boolean done(Object ignoredBuilder) {
    return true;
  }
}
