package io.llmtraces.job;

import io.llmtraces.ingest.DeadLetter;
import io.llmtraces.ingest.DeadLetterSerializer;
import io.llmtraces.ingest.KafkaRecord;
import io.llmtraces.ingest.KafkaRecordDeserializer;
import io.llmtraces.schema.TableSchemas;
import io.llmtraces.schema.IcebergTables;
import io.llmtraces.sink.Catalogs;
import io.llmtraces.sink.SpanRows;
import io.llmtraces.sink.TraceRows;
import io.llmtraces.trace.ArrivalWatermarks;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.sink.IcebergSink;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The job: OTLP spans from Kafka, assembled into traces, written to Iceberg; undecodable
 * records to the dead-letter topic. {@code main} takes {@link JobOptions} arguments.
 */
public final class TraceJob {
  public static final String JOB_NAME = "llm-traces";
  public static final String SOURCE_UID = "kafka-otlp-spans";
  public static final String DEAD_LETTER_UID = "kafka-dead-letters";
  public static final String TRACES_SINK_UID = "iceberg-traces";
  public static final String SPANS_SINK_UID = "iceberg-spans";
  public static final String SPAN_ROWS_UID = "span-rows";
  /** Managed memory of a local mini cluster when the state is in RocksDB: its memtables and caches. */
  static final MemorySize LOCAL_ROCKSDB_MANAGED_MEMORY = MemorySize.ofMebiBytes(512);

  private TraceJob() {}

  public static void main(String[] args) throws Exception {
    JobOptions options = JobOptions.parse(args);
    StreamExecutionEnvironment env = environment(options);
    define(env, options);
    env.execute(JOB_NAME);
  }

  /** Starts the job without waiting for it (tests and the benchmark stop it themselves). */
  public static JobClient start(StreamExecutionEnvironment env, JobOptions options) throws Exception {
    define(env, options);
    return env.executeAsync(JOB_NAME);
  }

  /** The environment: a local mini cluster with the web UI, or the cluster that runs the jar. */
  public static StreamExecutionEnvironment environment(JobOptions options) {
    Configuration conf = new Configuration();
    if (options.checkpointDir() != null) {
      conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, options.checkpointDir());
    }
    // Kept on cancel so that a stopped local run (Ctrl-C) resumes where it was.
    conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    conf.set(StateBackendOptions.STATE_BACKEND, options.stateBackend());
    if ("rocksdb".equals(options.stateBackend())) {
      // RocksDB is chosen for a large state: then checkpoints upload only what changed.
      conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
      if (options.local()) {
        // Its memtables and block cache live in managed memory (off the JVM heap); a local mini
        // cluster has only 128 MB of it by default, and RocksDB then flushes constantly. On a
        // cluster it is the task managers' taskmanager.memory.managed.* (docs/operations.md).
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, LOCAL_ROCKSDB_MANAGED_MEMORY);
      }
    }
    // Our records are immutable values: handing them to chained operators without copies is safe.
    conf.set(PipelineOptions.OBJECT_REUSE, true);
    // Every record type has a Flink serializer of its own; a Kryo fallback would be a bug.
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env;
    if (options.local()) {
      conf.set(RestOptions.PORT, options.webUiPort());
      if (options.resume() && options.checkpointDir().startsWith("file:")) {
        Optional<Path> latest = LatestCheckpoint.find(Path.of(URI.create(options.checkpointDir())));
        latest.ifPresent(p -> conf.set(StateRecoveryOptions.SAVEPOINT_PATH, p.toUri().toString()));
      }
      env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
    } else {
      env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    }
    if (options.parallelism() > 0) {
      env.setParallelism(options.parallelism());
    }
    env.enableCheckpointing(options.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
    return env;
  }

  static void define(StreamExecutionEnvironment env, JobOptions options) {
    CatalogLoader catalogLoader = Catalogs.loader(options.catalog());
    Catalog catalog = catalogLoader.loadCatalog();
    IcebergTables.ensure(catalog);
    if (options.topicPartitions() > 0) {
      KafkaTopics.ensure(
          options.bootstrapServers(), Set.of(options.topic(), options.deadLetterTopic()), options.topicPartitions());
    }

    DataStream<KafkaRecord> records =
        env.fromSource(source(options), watermarks(options), "Kafka " + options.topic()).uid(SOURCE_UID);
    TracePipeline.Outputs out =
        TracePipeline.build(
            records, options.maxRecordBytes(), options.limits(), options.assembly(), options.scoring(),
            options.baselineIdleExpiry());

    InternalTypeInfo<RowData> traceType = InternalTypeInfo.of(FlinkSchemaUtil.convert(TableSchemas.TRACES_SCHEMA));
    // IcebergSink (sink v2) rather than FlinkSink: it has serializers of its own, where FlinkSink
    // sends its write results through Kryo (generic types stay disabled, see environment()).
    IcebergSink.builderFor(out.traces(), new TraceRows(), traceType)
        .tableLoader(TableLoader.fromCatalog(catalogLoader, TableSchemas.TRACES))
        .uidSuffix(TRACES_SINK_UID)
        .append();
    InternalTypeInfo<RowData> spanType = InternalTypeInfo.of(FlinkSchemaUtil.convert(TableSchemas.SPANS_SCHEMA));
    // Scoring is keyed by project, so all of a project's spans leave one scoring subtask; decoding
    // them and writing their rows (most of the job's Parquet work) is spread over every writer
    // subtask instead.
    DataStream<RowData> spanRows =
        out.spans().rebalance().map(new SpanRows(), spanType).name("Span rows").uid(SPAN_ROWS_UID);
    IcebergSink.forRowData(spanRows)
        .tableLoader(TableLoader.fromCatalog(catalogLoader, TableSchemas.SPANS))
        .uidSuffix(SPANS_SINK_UID)
        .append();
    out.deadLetters().sinkTo(deadLetterSink(options)).name("Kafka " + options.deadLetterTopic()).uid(DEAD_LETTER_UID);
  }

  private static KafkaSource<KafkaRecord> source(JobOptions options) {
    KafkaSourceBuilder<KafkaRecord> builder =
        KafkaSource.<KafkaRecord>builder()
            .setBootstrapServers(options.bootstrapServers())
            .setTopics(options.topic())
            .setGroupId(options.groupId())
            .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
            .setDeserializer(new KafkaRecordDeserializer())
            .setProperty("partition.discovery.interval.ms", "30000")
            .setProperty("max.partition.fetch.bytes", Integer.toString(Math.max(1 << 20, options.maxRecordBytes())));
    if (options.bounded()) {
      builder.setBounded(OffsetsInitializer.latest());
    }
    return builder.build();
  }

  private static WatermarkStrategy<KafkaRecord> watermarks(JobOptions options) {
    Duration outOfOrderness = options.outOfOrderness();
    Duration idleAfter = options.idleAfter();
    Duration liveLag = options.liveLag();
    return WatermarkStrategy.<KafkaRecord>forGenerator(
            ctx -> new ArrivalWatermarks(outOfOrderness, idleAfter, liveLag, System::currentTimeMillis))
        .withTimestampAssigner((record, kafkaTimestamp) -> record.timestamp());
  }

  private static KafkaSink<DeadLetter> deadLetterSink(JobOptions options) {
    return KafkaSink.<DeadLetter>builder()
        .setBootstrapServers(options.bootstrapServers())
        .setRecordSerializer(new DeadLetterSerializer(options.deadLetterTopic()))
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .setProperty("max.request.size", Integer.toString(2 << 20))
        .build();
  }
}
