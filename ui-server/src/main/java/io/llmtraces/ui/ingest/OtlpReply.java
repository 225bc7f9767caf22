package io.llmtraces.ui.ingest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.google.protobuf.CodedOutputStream;
import io.llmtraces.otlp.OtlpJson;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Response bodies as the OTLP/HTTP specification asks, in the request's encoding: an
 * {@code ExportTraceServiceResponse} on success (with {@code partial_success} only when spans
 * were rejected), a {@code google.rpc.Status} on failure.
 */
public final class OtlpReply {
  private OtlpReply() {}

  public static byte[] success(OtlpEncoding encoding, long rejectedSpans, String errorMessage) {
    if (encoding == OtlpEncoding.PROTOBUF) {
      ExportTraceServiceResponse.Builder r = ExportTraceServiceResponse.newBuilder();
      if (rejectedSpans > 0) {
        r.setPartialSuccess(
            ExportTracePartialSuccess.newBuilder().setRejectedSpans(rejectedSpans).setErrorMessage(errorMessage));
      }
      return r.build().toByteArray();
    }
    return json(g -> {
      g.writeStartObject();
      if (rejectedSpans > 0) {
        g.writeObjectFieldStart("partialSuccess");
        // proto3 JSON writes int64 as a string.
        g.writeStringField("rejectedSpans", Long.toString(rejectedSpans));
        g.writeStringField("errorMessage", errorMessage);
        g.writeEndObject();
      }
      g.writeEndObject();
    });
  }

  /** A {@code google.rpc.Status} (code, message; no details). */
  public static byte[] status(OtlpEncoding encoding, int grpcCode, String message) {
    if (encoding == OtlpEncoding.PROTOBUF) {
      // Status is two scalar fields; writing them by hand spares a dependency on Google's protos.
      ByteArrayOutputStream out = new ByteArrayOutputStream(message.length() + 16);
      CodedOutputStream c = CodedOutputStream.newInstance(out);
      try {
        c.writeInt32(1, grpcCode);
        c.writeString(2, message);
        c.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("writing to memory cannot fail", e);
      }
      return out.toByteArray();
    }
    return json(g -> {
      g.writeStartObject();
      g.writeNumberField("code", grpcCode);
      g.writeStringField("message", message);
      g.writeEndObject();
    });
  }

  private interface JsonBody {
    void write(JsonGenerator g) throws IOException;
  }

  private static byte[] json(JsonBody body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator g = OtlpJson.FACTORY.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }
}
