package io.llmtraces.bench;

import io.llmtraces.demo.GeneratedTrace;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes at least N spans of demo traffic to a topic as fast as it can: one OTLP protobuf request
 * per record, keyed by trace id, as the Collector's kafka exporter with {@code
 * partition_traces_by_id} does. Both the ceiling and the end-to-end run read these same records.
 * Run a second time with another seed (and {@code --results-prefix warmup}), it writes the batch
 * that warms the job up before the end-to-end measurement.
 */
final class GeneratePhase {
  private GeneratePhase() {}

  static void run(Args args, Results results) throws Exception {
    String servers = args.get("bootstrap-servers");
    String topic = args.get("topic");
    long target = args.getLong("spans", 2_000_000);
    long seed = args.getLong("seed", 1);
    String prefix = args.get("results-prefix", "generate");
    Kafka.createTopic(servers, topic, Kafka.PARTITIONS);

    RootedTraffic traffic = new RootedTraffic(seed);
    AtomicLong failures = new AtomicLong();
    long spans = 0;
    long records = 0;
    long traces = 0;
    long bytes = 0;
    long start = System.nanoTime();
    long reported = start;
    try (KafkaProducer<byte[], byte[]> producer = Kafka.producer(servers, "bench-generate")) {
      while (spans < target) {
        GeneratedTrace trace = traffic.next(System.currentTimeMillis() * 1000);
        byte[] key = trace.traceIdHex().getBytes(StandardCharsets.US_ASCII);
        for (ExportTraceServiceRequest request : trace.requests()) {
          byte[] value = request.toByteArray();
          producer.send(new ProducerRecord<>(topic, key, value), (m, e) -> {
            if (e != null && failures.getAndIncrement() == 0) {
              System.err.println("[bench] send failed: " + e);
            }
          });
          records++;
          bytes += value.length;
        }
        spans += trace.spanCount();
        traces++;
        long now = System.nanoTime();
        if (now - reported > 5_000_000_000L) {
          Log.info("generated %,d spans (%,.0f spans/s)", spans, spans / ((now - start) / 1e9));
          reported = now;
        }
      }
      producer.flush();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " records failed to send");
    }
    Log.info("generated %,d spans in %,d traces, %,d records, %,d bytes in %.1f s (%,.0f spans/s);"
            + " left out %,d rootless traces (%,d spans)",
        spans, traces, records, bytes, seconds, spans / seconds, traffic.skippedTraces, traffic.skippedSpans);
    results.put(prefix + ".spans", spans);
    results.put(prefix + ".traces", traces);
    results.put(prefix + ".records", records);
    results.put(prefix + ".bytes", bytes);
    results.put(prefix + ".seconds", seconds);
    results.put(prefix + ".rootless_traces_left_out", traffic.skippedTraces);
    results.put(prefix + ".rootless_spans_left_out", traffic.skippedSpans);
  }
}
