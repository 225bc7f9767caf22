package io.llmtraces.bench;

import io.llmtraces.ingest.DecodeSpansFunction;
import io.llmtraces.ingest.KafkaRecordDeserializer;
import io.llmtraces.otlp.MalformedRecordException;
import io.llmtraces.ingest.NormalizerLimits;
import io.llmtraces.otlp.OtlpRecordDecoder;
import io.llmtraces.ingest.SpanNormalizer;
import io.llmtraces.ingest.KafkaRecord;
import io.llmtraces.model.NormalizedSpan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The ceiling: how fast the records can only be read from Kafka and decoded and normalized, with
 * nothing downstream (no keyBy, no state, no Iceberg).
 *
 * <ol>
 *   <li>a Flink job in a local environment with the real job's parallelism: the Kafka source
 *       (bounded at the latest offsets) and the job's own {@link DecodeSpansFunction}, its spans
 *       counted and dropped;
 *   <li>one plain Java thread: {@code KafkaConsumer} + {@link OtlpRecordDecoder} + {@link
 *       SpanNormalizer} ({@link #runPlain}, its own JVM).
 * </ol>
 *
 * Rates run from the first span decoded to the last, so the mini cluster's start is not counted.
 */
final class CeilingPhase {
  private CeilingPhase() {}

  static void run(Args args, Results results) throws Exception {
    String servers = args.get("bootstrap-servers");
    String topic = args.get("topic");
    int parallelism = (int) args.getLong("parallelism", 2);
    int maxRecordBytes = (int) args.getLong("max-record-bytes", 8 << 20);
    long clk = args.getLong("clk-tck", 100);
    long expected = (long) results.number("generate.spans");

    flink(servers, topic, parallelism, maxRecordBytes, clk, expected, results);
  }

  /** The one-thread ceiling, in a JVM of its own so that neither run warms the other's code. */
  static void runPlain(Args args, Results results) throws Exception {
    plainJava(args.get("bootstrap-servers"), args.get("topic"), (int) args.getLong("max-record-bytes", 8 << 20),
        args.getLong("clk-tck", 100), (long) results.number("generate.spans"), results);
  }

  private static void flink(
      String servers, String topic, int parallelism, int maxRecordBytes, long clk, long expected, Results results)
      throws Exception {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.OBJECT_REUSE, true); // as the job
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
    KafkaSource<KafkaRecord> source =
        KafkaSource.<KafkaRecord>builder()
            .setBootstrapServers(servers)
            .setTopics(topic)
            .setGroupId("bench-ceiling")
            .setStartingOffsets(OffsetsInitializer.earliest())
            .setBounded(OffsetsInitializer.latest())
            .setDeserializer(new KafkaRecordDeserializer())
            .setProperty("max.partition.fetch.bytes", Integer.toString(Math.max(1 << 20, maxRecordBytes)))
            .build();
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "Kafka " + topic)
        // The spans as the job's normalizer makes them (span_json as bytes), without the job's encoding.
        .process(new DecodeSpansFunction<NormalizedSpan>(maxRecordBytes, NormalizerLimits.DEFAULTS, (span, json, length) -> span))
        .returns(NormalizedSpan.class)
        .name("Decode and normalize spans")
        .sinkTo(new CountingSink())
        .name("Count and drop");
    Log.info("ceiling: Flink, parallelism %d: Kafka source -> decode and normalize -> count", parallelism);
    try (CpuTimeline cpu = new CpuTimeline(new ProcStats("self", clk), 100)) {
      env.execute("bench-ceiling");
      long spans = CountingSink.SPANS.sum();
      long firstMs = CountingSink.FIRST_MS.get();
      long lastMs = CountingSink.LAST_MS.get();
      double seconds = (lastMs - firstMs) / 1e3;
      double cpuSeconds = cpu.cpuSecondsAt(lastMs) - cpu.cpuSecondsAt(firstMs);
      Log.info("ceiling (Flink): %,d spans in %.1f s: %,.0f spans/s, %.2f cores, %,.0f spans per CPU second",
          spans, seconds, spans / seconds, cpuSeconds / seconds, spans / cpuSeconds);
      check(spans, expected);
      results.put("ceiling.flink.parallelism", parallelism);
      results.put("ceiling.flink.spans", spans);
      results.put("ceiling.flink.seconds", seconds);
      results.put("ceiling.flink.spans_per_s", spans / seconds);
      results.put("ceiling.flink.cpu_seconds", cpuSeconds);
    }
  }

  private static void plainJava(String servers, String topic, int maxRecordBytes, long clk, long expected, Results results)
      throws Exception {
    Log.info("ceiling: one thread, KafkaConsumer -> OtlpRecordDecoder -> SpanNormalizer");
    OtlpRecordDecoder decoder = new OtlpRecordDecoder(maxRecordBytes);
    SpanNormalizer normalizer = new SpanNormalizer(NormalizerLimits.DEFAULTS);
    long[] spans = {0};
    long records = 0;
    ProcStats self = new ProcStats("self", clk);
    long threadCpuStart = 0;
    long start = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = Kafka.consumer(servers, "bench-ceiling-plain", maxRecordBytes)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (!done(consumer, end)) {
        ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(500));
        if (start == 0 && !batch.isEmpty()) {
          start = System.nanoTime();
          threadCpuStart = threadCpuNanos();
        }
        for (ConsumerRecord<byte[], byte[]> r : batch) {
          try {
            normalizer.normalize(decoder.decode(r.value()), (s, json, length) -> spans[0]++);
          } catch (MalformedRecordException e) {
            throw new IllegalStateException("a demo record did not decode", e);
          }
          records++;
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double threadCpu = (threadCpuNanos() - threadCpuStart) / 1e9;
    Log.info("ceiling (one thread): %,d spans from %,d records in %.1f s: %,.0f spans/s"
            + " (the thread's own CPU: %.1f s; %,.0f spans per CPU second of it)",
        spans[0], records, seconds, spans[0] / seconds, threadCpu, spans[0] / threadCpu);
    check(spans[0], expected);
    results.put("ceiling.plain.spans", spans[0]);
    results.put("ceiling.plain.seconds", seconds);
    results.put("ceiling.plain.spans_per_s", spans[0] / seconds);
    results.put("ceiling.plain.thread_cpu_seconds", threadCpu);
  }

  private static long threadCpuNanos() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static boolean done(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static void check(long spans, long expected) {
    if (spans != expected) {
      throw new IllegalStateException("expected " + expected + " spans, decoded " + spans);
    }
  }

  /** Counts spans and the wall time of the first and last; the local job runs in this JVM. */
  static final class CountingSink implements Sink<NormalizedSpan> {
    static final LongAdder SPANS = new LongAdder();
    static final AtomicLong FIRST_MS = new AtomicLong(Long.MAX_VALUE);
    static final AtomicLong LAST_MS = new AtomicLong();

    @Override
    public SinkWriter<NormalizedSpan> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        private long count;
        private long lastMs;

        @Override
        public void write(NormalizedSpan span, Context ctx) {
          lastMs = System.currentTimeMillis();
          if (count++ == 0) {
            FIRST_MS.accumulateAndGet(lastMs, Math::min);
          }
          SPANS.increment();
        }

        @Override
        public void flush(boolean endOfInput) {
          LAST_MS.accumulateAndGet(lastMs, Math::max);
        }

        @Override
        public void close() {
          LAST_MS.accumulateAndGet(lastMs, Math::max);
        }
      };
    }
  }
}
