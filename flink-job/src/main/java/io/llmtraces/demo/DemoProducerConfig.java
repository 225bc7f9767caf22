package io.llmtraces.demo;

import java.nio.file.Path;
import java.time.Duration;

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
 * @param labelled the labelled mode ({@link LabelledReplay}): a run of simulated time ending now
 *     with the anomalies of {@link LabelledScenario#defaults()}, sent as fast as the broker takes
 *     it with each record's timestamp at its simulated export time; {@code rate} and {@code
 *     totalSpans} do not apply; default off
 * @param truthFile where the labelled mode writes its ground truth (JSON lines); required with it
 * @param labelledMinutes length of the labelled run in simulated minutes, the default schedule
 *     scaled to it; 0 keeps the default (120)
 */
public record DemoProducerConfig(
    String bootstrapServers,
    String topic,
    double rate,
    long totalSpans,
    OtlpFormat format,
    boolean partitionByTraceId,
    long seed,
    boolean labelled,
    Path truthFile,
    double labelledMinutes) {

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
        --labelled                     a labelled run: simulated time ending now, injected
                                       anomalies, Kafka timestamps at simulated export times,
                                       sent as fast as possible (--rate, --total-spans unused)
        --truth-file PATH              where a labelled run writes its ground truth (required)
        --labelled-minutes N           simulated length of a labelled run (default 120)
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
    if (labelled && truthFile == null) {
      throw new IllegalArgumentException("--labelled needs --truth-file");
    }
    if (labelledMinutes < 0 || Double.isNaN(labelledMinutes)) {
      throw new IllegalArgumentException(
          "--labelled-minutes must be 0 or more: " + labelledMinutes);
    }
  }

  /** Options of a producer of plain demo traffic (not labelled). */
  public DemoProducerConfig(
      String bootstrapServers,
      String topic,
      double rate,
      long totalSpans,
      OtlpFormat format,
      boolean partitionByTraceId,
      long seed) {
    this(
        bootstrapServers,
        topic,
        rate,
        totalSpans,
        format,
        partitionByTraceId,
        seed,
        false,
        null,
        0);
  }

  /** The schedule of a labelled run with these options. */
  public LabelledScenario scenario() {
    LabelledScenario defaults = LabelledScenario.defaults();
    return labelledMinutes == 0
        ? defaults
        : defaults.scaledTo(Duration.ofMillis(Math.round(labelledMinutes * 60_000)));
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
    boolean labelled = c.labelled();
    Path truthFile = c.truthFile();
    double labelledMinutes = c.labelledMinutes();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--partition-by-trace-id")) {
        byTraceId = true;
        continue;
      }
      if (option.equals("--labelled")) {
        labelled = true;
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
          case "--truth-file" -> truthFile = Path.of(value);
          case "--labelled-minutes" -> labelledMinutes = Double.parseDouble(value);
          default -> throw new IllegalArgumentException("unknown option " + option);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a number after " + option + ": " + value);
      }
    }
    return new DemoProducerConfig(
        servers, topic, rate, total, format, byTraceId, seed, labelled, truthFile, labelledMinutes);
  }
}
