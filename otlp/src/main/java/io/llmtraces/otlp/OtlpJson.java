package io.llmtraces.otlp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * OTLP/JSON codec for trace export requests, as the OTLP spec and the OpenTelemetry Collector
 * write it: ids as hex (not proto3 JSON's base64), enums as numbers or names, int64 as strings or
 * numbers, unknown fields ignored, lowerCamelCase or snake_case field names.
 */
public final class OtlpJson {
  /**
   * Shared: Jackson factories are thread-safe once configured; never reconfigure it. Characters
   * beyond the BMP (emoji) are written as UTF-8, as {@link JsonText} writes them, rather than as
   * two escaped surrogates.
   */
  public static final JsonFactory FACTORY =
      JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

  private OtlpJson() {}

  /** Parses one OTLP/JSON {@code ExportTraceServiceRequest} from UTF-8 bytes. */
  public static ExportTraceServiceRequest parse(byte[] utf8) throws MalformedRecordException {
    return parse(utf8, 0, utf8.length);
  }

  static ExportTraceServiceRequest parse(byte[] utf8, int offset, int length)
      throws MalformedRecordException {
    try (JsonParser p = FACTORY.createParser(utf8, offset, length)) {
      return new OtlpJsonReader(p).readRequest();
    } catch (IOException e) {
      // Jackson's syntax, EOF and size-constraint errors are all IOExceptions.
      throw new MalformedRecordException(
          MalformedRecordException.BAD_JSON, "invalid OTLP/JSON: " + oneLine(e), e);
    }
  }

  /** Dead-letter headers want one line; Jackson's message spans two. */
  private static String oneLine(IOException e) {
    if (e instanceof JsonProcessingException j && j.getLocation() != null) {
      return j.getOriginalMessage().replace('\n', ' ')
          + " at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr();
    }
    return String.valueOf(e.getMessage()).replace('\n', ' ');
  }

  /** Writes a request as OTLP/JSON (hex ids) in UTF-8; {@link #parse} reads it back equal. */
  public static byte[] write(ExportTraceServiceRequest request) {
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(Math.max(256, request.getSerializedSize() * 2));
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      OtlpJsonWriter.FULL.request(g, request);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }
}
