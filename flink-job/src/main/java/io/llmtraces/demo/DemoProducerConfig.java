package io.llmtraces.demo;

/**
 * Options of {@link DemoTrafficProducer}, read once from the command line.
 *
 * @param bootstrapServers Kafka brokers; default {@code localhost:9092}
 * @param topic the topic; default {@code otlp_spans}, the Collector's kafka exporter default
 * @param rate spans per second; default 200; 0 sends as fast as possible
 * @param totalSpans stop after this many spans; default 0, run until stopped
 * @param format message encoding; default {@code otlp_proto}
 * @param partitionByTraceId key each record by its trace id in hex, as the Collector's {@code
 *     partition_traces_by_id} does, so a trace stays on one partition; default off (no key)
 * @param seed the generator's seed; default 1
 */
public record DemoProducerConfig(
    String bootstrapServers,
    String topic,
    double rate,
    long totalSpans,
    OtlpFormat format,
    boolean partitionByTraceId,
    long seed) {

  static final String USAGE =
      """
      Usage: DemoTrafficProducer [options]
        --bootstrap-servers HOST:PORT  Kafka brokers (default localhost:9092)
        --topic NAME                   topic (default otlp_spans)
        --rate N                       spans per second, 0 = as fast as possible (default 200)
        --total-spans N                stop after N spans, 0 = run until stopped (default 0)
        --format otlp_proto|otlp_json  message encoding (default otlp_proto)
        --partition-by-trace-id        key records by trace id hex (default: no key)
        --seed N                       generator seed (default 1)
      """;

  public DemoProducerConfig {
    if (rate < 0 || Double.isNaN(rate)) {
      throw new IllegalArgumentException("--rate must be 0 or more: " + rate);
    }
    if (totalSpans < 0) {
      throw new IllegalArgumentException("--total-spans must be 0 or more: " + totalSpans);
    }
    if (bootstrapServers.isBlank() || topic.isBlank()) {
      throw new IllegalArgumentException("--bootstrap-servers and --topic must not be empty");
    }
  }

  /** The defaults. */
  public static DemoProducerConfig defaults() {
    return new DemoProducerConfig(
        "localhost:9092", "otlp_spans", 200, 0, OtlpFormat.OTLP_PROTO, false, 1);
  }

  /** Parses {@code --name value} options over the defaults; throws on anything unknown. */
  public static DemoProducerConfig parse(String[] args) {
    DemoProducerConfig c = defaults();
    String servers = c.bootstrapServers();
    String topic = c.topic();
    double rate = c.rate();
    long total = c.totalSpans();
    OtlpFormat format = c.format();
    boolean byTraceId = c.partitionByTraceId();
    long seed = c.seed();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--partition-by-trace-id")) {
        byTraceId = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + option);
      }
      String value = args[++i];
      try {
        switch (option) {
          case "--bootstrap-servers" -> servers = value;
          case "--topic" -> topic = value;
          case "--rate" -> rate = Double.parseDouble(value);
          case "--total-spans" -> total = Long.parseLong(value);
          case "--format" -> format = OtlpFormat.byOptionName(value);
          case "--seed" -> seed = Long.parseLong(value);
          default -> throw new IllegalArgumentException("unknown option " + option);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a number after " + option + ": " + value);
      }
    }
    return new DemoProducerConfig(servers, topic, rate, total, format, byTraceId, seed);
  }
}
