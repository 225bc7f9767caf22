package io.llmtraces.ui.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConfigTemplatesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  // A project name with characters that would break naive templates.
  private static final ConfigTemplates.Target TARGET =
      new ConfigTemplates.Target("https://traces.example.com:4318", "alice", "acme \"prod\": #1", List.of("k1:9092", "k2:9092"), "otlp_spans");

  private static String content(String kind) {
    return ConfigTemplates.generate(kind, TARGET).content();
  }

  @Test
  void collectorToKafkaStampsTheProjectAndKeysByTraceId() throws Exception {
    JsonNode c = YAML.readTree(content("collector"));
    assertThat(c.at("/receivers/otlp/protocols/grpc/endpoint").asText()).isEqualTo("0.0.0.0:4317");
    assertThat(c.at("/receivers/otlp/protocols/http/endpoint").asText()).isEqualTo("0.0.0.0:4318");
    JsonNode kafka = c.at("/exporters/kafka");
    assertThat(List.of(kafka.get("brokers").get(0).asText(), kafka.get("brokers").get(1).asText())).containsExactly("k1:9092", "k2:9092");
    assertThat(kafka.at("/traces/topic").asText()).isEqualTo("otlp_spans");
    assertThat(kafka.at("/traces/encoding").asText()).isEqualTo("otlp_proto");
    assertThat(kafka.get("partition_traces_by_id").asBoolean()).isTrue();
    JsonNode stamp = c.at("/processors/resource~1project/attributes/0");
    assertThat(stamp.get("key").asText()).isEqualTo("iftracer.project");
    assertThat(stamp.get("value").asText()).isEqualTo("acme \"prod\": #1");
    assertThat(stamp.get("action").asText()).isEqualTo("upsert");
    assertThat(c.at("/processors").has("batch")).isTrue();
    JsonNode pipeline = c.at("/service/pipelines/traces");
    assertThat(pipeline.get("receivers").get(0).asText()).isEqualTo("otlp");
    assertThat(pipeline.get("processors").toString()).isEqualTo("[\"resource/project\",\"batch\"]");
    assertThat(pipeline.get("exporters").get(0).asText()).isEqualTo("kafka");
  }

  @Test
  void collectorToThisServerSendsTheIftracerHeaders() throws Exception {
    JsonNode c = YAML.readTree(content("collector-http"));
    JsonNode exporter = c.at("/exporters/otlphttp");
    assertThat(exporter.get("endpoint").asText()).isEqualTo("https://traces.example.com:4318");
    assertThat(exporter.get("compression").asText()).isEqualTo("gzip");
    assertThat(exporter.at("/headers/iftracer_user").asText()).isEqualTo("alice");
    assertThat(exporter.at("/headers/iftracer_license_key").asText()).isEqualTo("<YOUR_LICENSE_KEY>");
    assertThat(exporter.at("/headers/iftracer_project").asText()).isEqualTo("acme \"prod\": #1");
    assertThat(c.at("/service/pipelines/traces/exporters/0").asText()).isEqualTo("otlphttp");
    assertThat(c.at("/service/pipelines/traces/processors/0").asText()).isEqualTo("batch");
  }

  @Test
  void iftracerInitNamesEveryParameter() throws Exception {
    String py = content("iftracer");
    assertThat(py).contains("from iftracer.sdk import Iftracer\n");
    Matcher call = Pattern.compile("Iftracer\\.init\\(\\n((?:    \\w+=.*\\n)+)\\)\\n").matcher(py);
    assertThat(call.find()).as(py).isTrue();
    Map<String, String> args = new LinkedHashMap<>();
    Matcher arg = Pattern.compile("^    (\\w+)=(\"(?:[^\"\\\\]|\\\\.)*\"),(?:  #.*)?$", Pattern.MULTILINE).matcher(call.group(1));
    while (arg.find()) {
      // The literal is a JSON string, which Python reads the same way.
      args.put(arg.group(1), new ObjectMapper().readValue(arg.group(2), String.class));
    }
    assertThat(args).containsOnlyKeys("app_name", "api_endpoint", "iftracer_user", "iftracer_license_key", "iftracer_project");
    assertThat(args.get("api_endpoint")).isEqualTo("https://traces.example.com:4318");
    assertThat(args.get("iftracer_user")).isEqualTo("alice");
    assertThat(args.get("iftracer_license_key")).isEqualTo("<YOUR_LICENSE_KEY>");
    assertThat(args.get("iftracer_project")).isEqualTo("acme \"prod\": #1");
  }

  @Test
  void environmentLinesAreKeyValue() {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : content("otel-env").split("\n")) {
      if (line.startsWith("#")) {
        continue;
      }
      assertThat(line).matches("[A-Z_]+=\\S+");
      env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
    }
    assertThat(env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")).isEqualTo("https://traces.example.com:4318/v1/traces");
    assertThat(env.get("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL")).isEqualTo("http/protobuf");
    assertThat(env.get("OTEL_EXPORTER_OTLP_HEADERS"))
        .isEqualTo("iftracer_user=alice,iftracer_license_key=<YOUR_LICENSE_KEY>,iftracer_project=acme%20%22prod%22%3A%20%231");
    assertThat(env).containsKeys("OTEL_EXPORTER_OTLP_COMPRESSION", "OTEL_SERVICE_NAME", "TRACELOOP_BASE_URL", "TRACELOOP_HEADERS");
  }

  @Test
  void unknownKindsAreRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConfigTemplates.generate("zipkin", TARGET))
        .hasMessageContaining("collector-http");
  }
}
