package io.llmtraces.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * Decodes one Kafka record value into an OTLP trace request, telling the Collector's
 * {@code otlp_proto} from {@code otlp_json} encoding per record, so one topic may carry both.
 *
 * <p>Detection: a value starting with {@code {} (or a UTF-8 byte order mark) is JSON, anything
 * else is protobuf. A value starting with whitespace and then {@code {} is ambiguous, because a
 * protobuf request starts with byte 0x0A (a newline) followed by a length that may be 0x7B
 * ({@code {}): such a value is tried as JSON first, then as protobuf.
 *
 * <p>Ids are checked for both encodings (empty, or 16/8 bytes), as the Collector does, so a
 * record never yields a span whose id cannot be written as OTLP/JSON. Thread-safe.
 */
public final class OtlpRecordDecoder {
  private final int maxRecordBytes;

  public OtlpRecordDecoder(int maxRecordBytes) {
    if (maxRecordBytes <= 0) {
      throw new IllegalArgumentException("maxRecordBytes must be positive: " + maxRecordBytes);
    }
    this.maxRecordBytes = maxRecordBytes;
  }

  /** Decodes a record value; never returns null. */
  public ExportTraceServiceRequest decode(byte[] value) throws MalformedRecordException {
    if (value == null || value.length == 0) {
      throw new MalformedRecordException(MalformedRecordException.EMPTY, "record value is empty");
    }
    if (value.length > maxRecordBytes) {
      throw new MalformedRecordException(
          MalformedRecordException.TOO_LARGE,
          "record value has " + value.length + " bytes, limit is " + maxRecordBytes);
    }
    if (hasBom(value)) {
      return OtlpJson.parse(value, 3, value.length - 3);
    }
    int first = firstNonWhitespace(value);
    if (first == value.length) {
      throw new MalformedRecordException(
          MalformedRecordException.EMPTY, "record value is only whitespace");
    }
    if (value[first] != '{') {
      return protobuf(value);
    }
    if (first == 0) {
      return OtlpJson.parse(value);
    }
    try {
      return OtlpJson.parse(value);
    } catch (MalformedRecordException jsonError) {
      try {
        return protobuf(value);
      } catch (MalformedRecordException protobufError) {
        jsonError.addSuppressed(protobufError);
        throw jsonError;
      }
    }
  }

  /**
   * Decodes bytes whose encoding the sender declared protobuf (an OTLP/HTTP body sent as
   * {@code application/x-protobuf}): no guessing. Zero bytes are the empty request, which is
   * valid protobuf.
   */
  public ExportTraceServiceRequest decodeProtobuf(byte[] value) throws MalformedRecordException {
    checkSize(value);
    return protobuf(value);
  }

  /**
   * Decodes bytes whose encoding the sender declared OTLP/JSON ({@code application/json}); a
   * leading byte order mark is skipped.
   */
  public ExportTraceServiceRequest decodeJson(byte[] value) throws MalformedRecordException {
    checkSize(value);
    return hasBom(value) ? OtlpJson.parse(value, 3, value.length - 3) : OtlpJson.parse(value);
  }

  private void checkSize(byte[] value) throws MalformedRecordException {
    if (value.length > maxRecordBytes) {
      throw new MalformedRecordException(
          MalformedRecordException.TOO_LARGE,
          "value has " + value.length + " bytes, limit is " + maxRecordBytes);
    }
  }

  private static ExportTraceServiceRequest protobuf(byte[] value) throws MalformedRecordException {
    ExportTraceServiceRequest request;
    try {
      request = ExportTraceServiceRequest.parseFrom(value);
    } catch (InvalidProtocolBufferException e) {
      throw new MalformedRecordException(
          MalformedRecordException.BAD_PROTOBUF,
          "not an OTLP ExportTraceServiceRequest: " + e.getMessage(), e);
    }
    // Random bytes sometimes parse as a message of unknown fields only; that is not OTLP.
    if (request.getResourceSpansCount() == 0 && !request.getUnknownFields().asMap().isEmpty()) {
      throw new MalformedRecordException(
          MalformedRecordException.BAD_PROTOBUF,
          "protobuf holds no resource spans, only unknown fields: not OTLP traces");
    }
    checkIds(request);
    return request;
  }

  private static void checkIds(ExportTraceServiceRequest request) throws MalformedRecordException {
    for (ResourceSpans rs : request.getResourceSpansList()) {
      for (ScopeSpans ss : rs.getScopeSpansList()) {
        for (Span s : ss.getSpansList()) {
          checkId(s.getTraceId().size(), Hex.TRACE_ID_BYTES, "traceId");
          checkId(s.getSpanId().size(), Hex.SPAN_ID_BYTES, "spanId");
          checkId(s.getParentSpanId().size(), Hex.SPAN_ID_BYTES, "parentSpanId");
          for (Span.Link l : s.getLinksList()) {
            checkId(l.getTraceId().size(), Hex.TRACE_ID_BYTES, "link traceId");
            checkId(l.getSpanId().size(), Hex.SPAN_ID_BYTES, "link spanId");
          }
        }
      }
    }
  }

  private static void checkId(int size, int expected, String field) throws MalformedRecordException {
    if (size != 0 && size != expected) {
      throw new MalformedRecordException(
          MalformedRecordException.BAD_ID,
          field + " must be " + expected + " bytes, got " + size);
    }
  }

  private static boolean hasBom(byte[] v) {
    return v.length >= 3 && (v[0] & 0xff) == 0xEF && (v[1] & 0xff) == 0xBB && (v[2] & 0xff) == 0xBF;
  }

  // JSON whitespace only: space, tab, line feed, carriage return.
  private static int firstNonWhitespace(byte[] v) {
    int i = 0;
    while (i < v.length && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r')) {
      i++;
    }
    return i;
  }
}
