package io.llmtraces.ui;

import io.llmtraces.schema.CatalogSettings;
import io.llmtraces.schema.CommandLine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything the page server and its OTLP receiver can be told, read once from {@code --name
 * value} arguments. Defaults in brackets.
 *
 * @param host the address both ports listen on [{@code 127.0.0.1}: local only until you choose]
 * @param port the page and API port [8080]
 * @param catalog the Iceberg catalog with the tables [{@code hadoop} at {@code <data-dir>/warehouse}]
 * @param dataDir where {@code users.json} (users and hashed keys) lives [{@code ./data}]
 * @param auth whether the API and the receiver demand credentials [on; {@code --auth off} for a
 *     local demo]
 * @param publicUrl the OTLP/HTTP base URL as clients reach it, for generated configurations [none:
 *     the page request's scheme and host with {@code otlpPort}]
 * @param sessionTtl how long a login lasts [12 h]
 * @param otlpPort the OTLP/HTTP receiver's port ({@code POST /v1/traces}) [4318; 0 picks a free one]
 * @param bootstrapServers the Kafka the receiver writes to [{@code localhost:9092}]
 * @param topic the topic the receiver writes to [{@code otlp_spans}]
 * @param maxRequestBytes largest request body after decompression; larger gets 413 [8 MiB]
 * @param maxPendingBytes request bytes awaiting Kafka's acknowledgement at once; beyond it 429 [64 MiB]
 * @param kafkaTimeout the longest a request waits for Kafka (the producer's delivery timeout);
 *     then 503 [5 s: below the 10 s export timeout of OpenTelemetry SDKs, so the client hears the
 *     answer]
 */
public record UiOptions(
    String host,
    int port,
    CatalogSettings catalog,
    Path dataDir,
    boolean auth,
    String publicUrl,
    Duration sessionTtl,
    int otlpPort,
    String bootstrapServers,
    String topic,
    int maxRequestBytes,
    long maxPendingBytes,
    Duration kafkaTimeout) {

  static final Map<String, String> KNOWN = known();

  private static Map<String, String> known() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("host", "address to listen on [127.0.0.1]");
    m.put("port", "page and API port [8080]");
    m.put("data-dir", "base of the default warehouse and of users.json [./data]");
    m.put("catalog-type", "hadoop, rest or jdbc [hadoop]");
    m.put("warehouse", "warehouse location [<data-dir>/warehouse]");
    m.put("catalog-uri", "REST URI or JDBC URL");
    m.put("auth", "on or off: credentials for the API and the receiver [on]");
    m.put("public-url", "OTLP/HTTP base URL as clients reach it [from the request's Host]");
    m.put("session-hours", "how long a login lasts [12]");
    m.put("otlp-port", "OTLP/HTTP receiver port, 0 for any free one [4318]");
    m.put("bootstrap-servers", "Kafka the receiver writes to [localhost:9092]");
    m.put("topic", "topic the receiver writes to [otlp_spans]");
    m.put("max-request-bytes", "largest body after decompression [8388608]");
    m.put("max-pending-bytes", "bytes awaiting Kafka at once, beyond: 429 [67108864]");
    m.put("kafka-timeout-ms", "longest wait for Kafka's acknowledgement, then 503 [5000]");
    return Map.copyOf(m);
  }

  public UiOptions {
    if (maxRequestBytes <= 0 || maxPendingBytes < maxRequestBytes) {
      throw new IllegalArgumentException("need 0 < max-request-bytes <= max-pending-bytes");
    }
    if (kafkaTimeout.toMillis() < 1000) {
      throw new IllegalArgumentException("kafka-timeout-ms must be at least 1000");
    }
  }

  public static UiOptions parse(String... args) {
    CommandLine a = CommandLine.parse(args, KNOWN.keySet(), false);
    Path dataDir = a.dataDir();
    String publicUrl = a.get("public-url");
    return new UiOptions(
        a.get("host", "127.0.0.1"),
        Integer.parseInt(a.get("port", "8080")),
        a.catalog(),
        dataDir,
        onOff("auth", a.get("auth", "on")),
        publicUrl == null ? null : publicUrl.replaceAll("/+$", ""),
        Duration.ofMinutes(Math.round(Double.parseDouble(a.get("session-hours", "12")) * 60)),
        Integer.parseInt(a.get("otlp-port", "4318")),
        a.get("bootstrap-servers", "localhost:9092"),
        a.get("topic", "otlp_spans"),
        Integer.parseInt(a.get("max-request-bytes", String.valueOf(8 << 20))),
        Long.parseLong(a.get("max-pending-bytes", String.valueOf(64L << 20))),
        Duration.ofMillis(Long.parseLong(a.get("kafka-timeout-ms", "5000"))));
  }

  private static boolean onOff(String name, String value) {
    return switch (value) {
      case "on", "true" -> true;
      case "off", "false" -> false;
      default -> throw new IllegalArgumentException("--" + name + " takes on or off, not " + value);
    };
  }

  /** Where users and their hashed keys are kept. */
  public Path usersFile() {
    return dataDir.resolve("users.json");
  }
}
