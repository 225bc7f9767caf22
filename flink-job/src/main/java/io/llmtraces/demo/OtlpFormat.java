package io.llmtraces.demo;

import io.llmtraces.otlp.OtlpJson;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.util.function.Function;

/** The message encodings of the OpenTelemetry Collector's kafka exporter. */
public enum OtlpFormat {
  /** An {@code ExportTraceServiceRequest} protobuf per message (the Collector's default). */
  OTLP_PROTO("otlp_proto"),
  /** The same request as OTLP/JSON. */
  OTLP_JSON("otlp_json");

  private final String optionName;

  OtlpFormat(String optionName) {
    this.optionName = optionName;
  }

  /** The name used on the command line and in the Collector's configuration. */
  public String optionName() {
    return optionName;
  }

  /** The format with this command-line name. */
  public static OtlpFormat byOptionName(String name) {
    for (OtlpFormat f : values()) {
      if (f.optionName.equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown format " + name + ", expected otlp_proto or otlp_json");
  }

  /** How a request becomes the bytes of one Kafka record in this format. */
  public Function<ExportTraceServiceRequest, byte[]> encoder() {
    return switch (this) {
      case OTLP_PROTO -> ExportTraceServiceRequest::toByteArray;
      case OTLP_JSON -> OtlpJson::write;
    };
  }
}
