package io.llmtraces.ui.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The "Deploy Agent" snippets, filled in for one user and project: Collector configurations
 * (to Kafka directly, or to this server's receiver), the iftracer-sdk init call, and environment
 * variables for OpenTelemetry SDKs. The key appears only as {@value #KEY_PLACEHOLDER}: the server
 * never has it. Strings are written as JSON string literals, which are also valid YAML
 * double-quoted scalars and Python string literals, so no value can break the syntax.
 */
public final class ConfigTemplates {
  public static final String KEY_PLACEHOLDER = "<YOUR_LICENSE_KEY>";
  public static final List<String> KINDS = List.of("collector", "collector-http", "iftracer", "otel-env");
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Where and as whom to send.
   *
   * @param endpoint the OTLP/HTTP base URL of this server's receiver (without {@code /v1/traces})
   * @param brokers the Kafka bootstrap servers, for the Collector that writes to Kafka directly
   */
  public record Target(String endpoint, String user, String project, List<String> brokers, String topic) {}

  /** One snippet: what it is, a file name to save it as, its language, and the text. */
  public record Snippet(String kind, String title, String fileName, String language, String content) {}

  private ConfigTemplates() {}

  public static Snippet generate(String kind, Target t) {
    return switch (kind) {
      case "collector" -> new Snippet(kind, "OpenTelemetry Collector to Kafka", "otel-collector-kafka.yaml", "yaml", collectorKafka(t));
      case "collector-http" -> new Snippet(kind, "OpenTelemetry Collector to this server", "otel-collector.yaml", "yaml", collectorHttp(t));
      case "iftracer" -> new Snippet(kind, "iftracer-sdk (Python)", "tracing.py", "python", iftracer(t));
      case "otel-env" -> new Snippet(kind, "Environment for OpenTelemetry SDKs", "otel.env", "dotenv", otelEnv(t));
      default -> throw new IllegalArgumentException("kind must be one of " + KINDS + ", not " + kind);
    };
  }

  private static final String RECEIVERS =
      """
      receivers:
        otlp:
          protocols:
            grpc:
              endpoint: 0.0.0.0:4317
            http:
              endpoint: 0.0.0.0:4318
      """;

  static String collectorKafka(Target t) {
    String brokers = t.brokers().stream().map(ConfigTemplates::q).collect(Collectors.joining(", "));
    return "# OpenTelemetry Collector (contrib distribution, v0.124 or newer) writing spans straight to\n"
        + "# the Kafka the detector reads. Your applications send OTLP to this Collector (4317/4318).\n"
        + "# Kafka has no per-project keys: whoever reaches the brokers may write any project.\n"
        + RECEIVERS
        + "processors:\n"
        + "  # The detector files spans under the resource attribute iftracer.project.\n"
        + "  resource/project:\n"
        + "    attributes:\n"
        + "      - key: iftracer.project\n"
        + "        value: " + q(t.project()) + "\n"
        + "        action: upsert\n"
        + "  batch: {}\n"
        + "exporters:\n"
        + "  kafka:\n"
        + "    brokers: [" + brokers + "]\n"
        + "    # Collectors before v0.124 take topic and encoding at this level instead.\n"
        + "    traces:\n"
        + "      topic: " + q(t.topic()) + "\n"
        + "      encoding: otlp_proto\n"
        + "    # A trace's spans share a partition, as the detector's receiver writes them.\n"
        + "    partition_traces_by_id: true\n"
        + "    producer:\n"
        + "      required_acks: -1\n"
        + "      compression: lz4\n"
        + pipeline("[resource/project, batch]", "[kafka]");
  }

  static String collectorHttp(Target t) {
    return "# OpenTelemetry Collector forwarding to the detector's OTLP/HTTP receiver with your key.\n"
        + "# Your applications send OTLP to this Collector (4317/4318); run it on another host than\n"
        + "# the detector, or move its ports, since the detector's receiver listens on 4318 too.\n"
        + RECEIVERS
        + "processors:\n"
        + "  batch: {}\n"
        + "exporters:\n"
        + "  otlphttp:\n"
        + "    endpoint: " + q(t.endpoint()) + "\n"
        + "    compression: gzip\n"
        + "    headers:\n"
        + "      iftracer_user: " + q(t.user()) + "\n"
        + "      iftracer_license_key: " + q(KEY_PLACEHOLDER) + "\n"
        + "      iftracer_project: " + q(t.project()) + "\n"
        + pipeline("[batch]", "[otlphttp]");
  }

  private static String pipeline(String processors, String exporters) {
    return "service:\n"
        + "  pipelines:\n"
        + "    traces:\n"
        + "      receivers: [otlp]\n"
        + "      processors: " + processors + "\n"
        + "      exporters: " + exporters + "\n";
  }

  static String iftracer(Target t) {
    return "# pip install iftracer-sdk, then call this once at start-up, before the LLM clients are used.\n"
        + "from iftracer.sdk import Iftracer\n"
        + "\n"
        + "Iftracer.init(\n"
        + "    app_name=\"my-llm-app\",  # becomes service.name\n"
        + "    api_endpoint=" + q(t.endpoint()) + ",\n"
        + "    iftracer_user=" + q(t.user()) + ",\n"
        + "    iftracer_license_key=" + q(KEY_PLACEHOLDER) + ",\n"
        + "    iftracer_project=" + q(t.project()) + ",\n"
        + ")\n";
  }

  static String otelEnv(Target t) {
    String headers = "iftracer_user=" + pct(t.user()) + ",iftracer_license_key=" + KEY_PLACEHOLDER + ",iftracer_project=" + pct(t.project());
    return "# For OpenTelemetry SDKs (and OpenLLMetry) exporting OTLP/HTTP to the detector.\n"
        + "# KEY=VALUE lines: an env file for docker --env-file, systemd or Kubernetes; in a shell,\n"
        + "# put export before each line and quote the values.\n"
        + "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=" + t.endpoint() + "/v1/traces\n"
        + "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=http/protobuf\n"
        + "OTEL_EXPORTER_OTLP_HEADERS=" + headers + "\n"
        + "OTEL_EXPORTER_OTLP_COMPRESSION=gzip\n"
        + "OTEL_TRACES_EXPORTER=otlp\n"
        + "OTEL_SERVICE_NAME=my-llm-app\n"
        + "# OpenLLMetry (traceloop-sdk) reads its own two:\n"
        + "TRACELOOP_BASE_URL=" + t.endpoint() + "\n"
        + "TRACELOOP_HEADERS=" + headers + "\n";
  }

  /** A JSON string literal: valid YAML and Python too. */
  static String q(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a string always serializes", e);
    }
  }

  /** OTEL_EXPORTER_OTLP_HEADERS values are percent-encoded (W3C baggage format). */
  private static String pct(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
