package io.llmtraces.job;

import io.llmtraces.baseline.BaselineOptions;
import io.llmtraces.ingest.NormalizerLimits;
import io.llmtraces.scoring.ScoringOptions;
import io.llmtraces.schema.CatalogSettings;
import io.llmtraces.schema.CommandLine;
import io.llmtraces.sink.MaintenanceOptions;
import io.llmtraces.trace.AssemblyOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Everything the job can be told, with its defaults; read once from {@code --name value}
 * arguments. {@code README.md} of this module lists the options.
 *
 * @param bootstrapServers Kafka brokers ({@code localhost:9092})
 * @param topic the spans topic ({@code otlp_spans})
 * @param deadLetterTopic where undecodable records go ({@code otlp_spans_dlq})
 * @param topicPartitions partitions of the topics the job creates when they are missing (4);
 *     0 creates none
 * @param groupId the Kafka consumer group; offsets are committed on checkpoints
 *     ({@code llm-traces-job}); the first run starts from the earliest offsets
 * @param maxRecordBytes larger records are dead-lettered ({@code 8 MiB})
 * @param catalog the Iceberg catalog ({@code hadoop} at {@code <data-dir>/warehouse})
 * @param checkpointInterval Iceberg commits and Kafka offsets follow checkpoints ({@code 10 s})
 * @param checkpointDir where checkpoints are kept, a URI ({@code file:/...}, {@code s3://...});
 *     default {@code <data-dir>/checkpoints} in local mode; null on a cluster, whose
 *     {@code execution.checkpointing.dir} then applies
 * @param stateBackend {@code hashmap} (default) or {@code rocksdb}
 * @param parallelism operator parallelism; 0 keeps the environment's default
 * @param assembly how traces are cut (see {@link AssemblyOptions})
 * @param outOfOrderness how far Kafka timestamps may go back between partitions' records (1 s)
 * @param idleAfter a live partition quiet this long lets event time follow the wall clock (2 s)
 * @param liveLag a partition whose latest record is at most this old is live, not being read
 *     from a backlog (60 s)
 * @param scoring anomaly threshold and baseline learning (see {@link ScoringOptions})
 * @param baselineIdleExpiry a baseline key not seen for this long is dropped (7 days)
 * @param limits per-span bounds on attributes and JSON (see {@link NormalizerLimits})
 * @param local run in an embedded mini cluster with the Flink web UI ({@code false})
 * @param webUiPort the web UI port in local mode ({@code 8081})
 * @param resume in local mode, resume from the newest retained checkpoint in checkpointDir
 *     ({@code true})
 * @param bounded stop at the offsets that are latest when the job starts (tests, benchmarks)
 * @param maintenance what {@link MaintenanceJob} does to the tables (see {@link MaintenanceOptions})
 */
public record JobOptions(
    String bootstrapServers,
    String topic,
    String deadLetterTopic,
    int topicPartitions,
    String groupId,
    int maxRecordBytes,
    CatalogSettings catalog,
    Duration checkpointInterval,
    String checkpointDir,
    String stateBackend,
    int parallelism,
    AssemblyOptions assembly,
    Duration outOfOrderness,
    Duration idleAfter,
    Duration liveLag,
    ScoringOptions scoring,
    Duration baselineIdleExpiry,
    NormalizerLimits limits,
    boolean local,
    int webUiPort,
    boolean resume,
    boolean bounded,
    MaintenanceOptions maintenance) {

  /** Parses {@code --name value} pairs; unknown names are an error, not silently ignored. */
  public static JobOptions parse(String... args) {
    CommandLine commandLine = CommandLine.parse(args, KNOWN.keySet(), true);
    Map<String, String> a = commandLine.values();
    Path dataDir = commandLine.dataDir();
    AssemblyOptions d = AssemblyOptions.DEFAULTS;
    return new JobOptions(
        a.getOrDefault("bootstrap-servers", "localhost:9092"),
        a.getOrDefault("topic", "otlp_spans"),
        a.getOrDefault("dead-letter-topic", "otlp_spans_dlq"),
        Integer.parseInt(a.getOrDefault("topic-partitions", "4")),
        a.getOrDefault("group-id", "llm-traces-job"),
        Integer.parseInt(a.getOrDefault("max-record-bytes", Integer.toString(8 << 20))),
        commandLine.catalog(),
        seconds(a, "checkpoint-interval-s", 10),
        checkpointDir(a, dataDir),
        a.getOrDefault("state-backend", "hashmap"),
        Integer.parseInt(a.getOrDefault("parallelism", "0")),
        new AssemblyOptions(
            seconds(a, "quiet-gap-s", d.quietGap().toSeconds()),
            seconds(a, "max-open-s", d.maxOpen().toSeconds()),
            seconds(a, "late-retention-s", d.lateRetention().toSeconds()),
            Integer.parseInt(a.getOrDefault("max-spans-per-trace", Integer.toString(d.maxSpansPerTrace())))),
        Duration.ofMillis(Long.parseLong(a.getOrDefault("out-of-orderness-ms", "1000"))),
        Duration.ofMillis(Long.parseLong(a.getOrDefault("idle-after-ms", "2000"))),
        seconds(a, "live-lag-s", 60),
        scoring(a),
        Duration.ofHours(Long.parseLong(a.getOrDefault("baseline-expiry-h", "168"))),
        NormalizerLimits.DEFAULTS,
        Boolean.parseBoolean(a.getOrDefault("local", "false")),
        Integer.parseInt(a.getOrDefault("web-ui-port", "8081")),
        Boolean.parseBoolean(a.getOrDefault("resume", "true")),
        Boolean.parseBoolean(a.getOrDefault("bounded", "false")),
        maintenance(a));
  }

  /** Option names and what they mean, for the error message and the README. */
  static final Map<String, String> KNOWN =
      Map.ofEntries(
          Map.entry("bootstrap-servers", "Kafka brokers"),
          Map.entry("topic", "spans topic"),
          Map.entry("dead-letter-topic", "dead-letter topic"),
          Map.entry("topic-partitions", "partitions of topics created when missing; 0 creates none"),
          Map.entry("group-id", "Kafka consumer group"),
          Map.entry("max-record-bytes", "largest record decoded"),
          Map.entry("data-dir", "base directory for the default warehouse and checkpoints"),
          Map.entry("catalog-type", "hadoop, rest or jdbc"),
          Map.entry("warehouse", "warehouse location"),
          Map.entry("catalog-uri", "REST URI or JDBC URL"),
          Map.entry("checkpoint-interval-s", "seconds between checkpoints (and Iceberg commits)"),
          Map.entry("checkpoint-dir", "checkpoint directory"),
          Map.entry("state-backend", "hashmap or rocksdb"),
          Map.entry("parallelism", "operator parallelism"),
          Map.entry("quiet-gap-s", "seconds without spans that close a trace"),
          Map.entry("max-open-s", "seconds after which a trace closes regardless"),
          Map.entry("late-retention-s", "seconds (wall clock) a closed trace is remembered for late spans after its latest write"),
          Map.entry("max-spans-per-trace", "cap on spans per trace"),
          Map.entry("out-of-orderness-ms", "watermark out-of-orderness"),
          Map.entry("idle-after-ms", "quiet time after which a live partition's event time follows the wall clock"),
          Map.entry("live-lag-s", "a partition whose latest record is at most this old is live"),
          Map.entry("anomaly-threshold", "score (0-100) from which a trace is anomalous"),
          Map.entry("span-anomaly-threshold", "score (0-100) from which a slow span is anomalous"),
          Map.entry("min-baseline-samples", "samples a baseline needs before it judges"),
          Map.entry("baseline-expiry-h", "hours after which an unused baseline key is dropped"),
          Map.entry("local", "run in a local mini cluster with the web UI"),
          Map.entry("web-ui-port", "web UI port in local mode"),
          Map.entry("resume", "resume from the newest retained checkpoint in local mode"),
          Map.entry("bounded", "stop at the latest offsets seen at start"),
          Map.entry("compact-every-commits", "commits to a table between compactions"),
          Map.entry("target-file-mb", "file size compaction aims for"),
          Map.entry("expire-every-commits", "commits to a table between snapshot expiries"),
          Map.entry("snapshot-retention-h", "hours snapshots are kept"),
          Map.entry("retain-snapshots", "newest snapshots always kept"),
          Map.entry("maintenance-rate-limit-s", "least seconds between maintenance runs on a table"));

  private static MaintenanceOptions maintenance(Map<String, String> a) {
    MaintenanceOptions d = MaintenanceOptions.DEFAULTS;
    return new MaintenanceOptions(
        Integer.parseInt(a.getOrDefault("compact-every-commits", Integer.toString(d.compactEveryCommits()))),
        Long.parseLong(a.getOrDefault("target-file-mb", Long.toString(d.targetFileBytes() >> 20))) << 20,
        Integer.parseInt(a.getOrDefault("expire-every-commits", Integer.toString(d.expireEveryCommits()))),
        Duration.ofMillis(Math.round(Double.parseDouble(
            a.getOrDefault("snapshot-retention-h", Long.toString(d.snapshotRetention().toHours()))) * 3_600_000)),
        Integer.parseInt(a.getOrDefault("retain-snapshots", Integer.toString(d.retainSnapshots()))),
        seconds(a, "maintenance-rate-limit-s", d.rateLimit().toSeconds()));
  }

  private static ScoringOptions scoring(Map<String, String> a) {
    ScoringOptions d = ScoringOptions.DEFAULTS;
    BaselineOptions b = d.baselines();
    return new ScoringOptions(
        Double.parseDouble(a.getOrDefault("anomaly-threshold", Double.toString(d.threshold()))),
        Double.parseDouble(a.getOrDefault("span-anomaly-threshold", Double.toString(d.spanThreshold()))),
        d.minRelativeExcess(),
        d.minSpanExcessMs(),
        d.minTraceExcessMs(),
        new BaselineOptions(
            Integer.parseInt(a.getOrDefault("min-baseline-samples", Integer.toString(b.minSamples()))),
            b.minAlpha(), b.clipSigmas(), b.sigmaFloor(), b.warmupSigma(), b.eventPrior()));
  }

  private static String checkpointDir(Map<String, String> a, Path dataDir) {
    String dir = a.get("checkpoint-dir");
    if (dir == null) {
      // On a cluster the deployment decides where state goes (execution.checkpointing.dir).
      return Boolean.parseBoolean(a.getOrDefault("local", "false")) ? dataDir.resolve("checkpoints").toUri().toString() : null;
    }
    return dir.contains(":/") ? dir : Path.of(dir).toAbsolutePath().toUri().toString();
  }

  private static Duration seconds(Map<String, String> a, String name, long dflt) {
    return Duration.ofMillis(Math.round(Double.parseDouble(a.getOrDefault(name, Long.toString(dflt))) * 1000));
  }
}
