package io.llmtraces.bench;

import io.llmtraces.demo.GeneratedTrace;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Freshness with the job running: demo traffic at a steady rate (each trace's records sent
 * together, traces spaced to the rate), remembering for every trace when Kafka acknowledged its
 * last record; the {@code traces} table is polled every 500 ms, and a trace counts as visible at
 * the commit time of the snapshot that appended its first version.
 */
final class FreshnessPhase {
  private FreshnessPhase() {}

  /** One trace sent: records still unacknowledged, latest acknowledgement, commit time once visible. */
  static final class Sent {
    int pending;
    long lastAckMs;
    long visibleMs;
  }

  static void run(Args args, Results results) throws Exception {
    String servers = args.get("bootstrap-servers");
    String topic = args.get("topic");
    double rate = args.getDouble("rate", 2000);
    long seconds = args.getLong("seconds", 60);
    long seed = args.getLong("seed", 2);
    long clk = args.getLong("clk-tck", 100);
    ProcStats job = new ProcStats(args.get("job-pid"), clk);
    Map<String, Sent> sent = new ConcurrentHashMap<>();
    RootedTraffic traffic = new RootedTraffic(seed);

    try (Tables tables = new Tables(args.get("warehouse"));
        KafkaProducer<byte[], byte[]> producer = Kafka.producer(servers, "bench-freshness");
        CpuTimeline cpu = new CpuTimeline(job, 250)) {
      Table traces = tables.traces();
      Long seenSnapshot = traces.currentSnapshot() == null ? null : traces.currentSnapshot().snapshotId();
      Log.info("freshness: %,.0f spans/s for %d s", rate, seconds);
      long startMs = System.currentTimeMillis();
      Pacer pacer = new Pacer(producer, topic, traffic, rate, seconds, sent);
      Thread producing = new Thread(pacer, "freshness-producer");
      producing.start();
      long lastReportMs = startMs;
      long visible = 0;
      long waitUntilMs = Long.MAX_VALUE;
      while (true) {
        Thread.sleep(500);
        if (pacer.error != null) {
          throw new IllegalStateException("producing failed", pacer.error);
        }
        if (!job.alive()) {
          throw new IllegalStateException("the job's JVM is gone; see its log");
        }
        long now = System.currentTimeMillis();
        traces.refresh();
        for (Snapshot s : Tables.newSnapshots(traces, seenSnapshot)) {
          long[] found = {0};
          Tables.appended(traces, s, r -> {
            Sent t = sent.get((String) r.getField("trace_id"));
            if (t != null && (Integer) r.getField("version") == 1) {
              synchronized (t) {
                if (t.visibleMs == 0) {
                  t.visibleMs = s.timestampMillis();
                  found[0]++;
                }
              }
            }
          }, "trace_id", "version");
          visible += found[0];
          seenSnapshot = s.snapshotId();
        }
        if (now - lastReportMs >= 5_000) {
          Log.info("freshness: %,d spans sent, %,d of %,d traces visible; job %.2f cores", pacer.spans, visible,
              sent.size(), cpu.recentCores(5_000));
          lastReportMs = now;
        }
        if (pacer.doneMs > 0) {
          if (waitUntilMs == Long.MAX_VALUE) {
            // The quiet gap, the watermark and a checkpoint or two, with a wide margin.
            waitUntilMs = pacer.doneMs + 90_000;
            Log.info("freshness: sent %,d spans in %,d traces; waiting for the last to become visible",
                pacer.spans, sent.size());
          }
          if (visible == sent.size() || now > waitUntilMs) {
            break;
          }
        }
      }
      producing.join();
      long spans = pacer.spans;
      long producedUntilMs = pacer.doneMs;

      List<Long> lags = new ArrayList<>();
      long notVisible = 0;
      for (Sent t : sent.values()) {
        synchronized (t) {
          if (t.visibleMs > 0 && t.pending == 0) {
            lags.add(t.visibleMs - t.lastAckMs);
          } else {
            notVisible++;
          }
        }
      }
      long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
      double jobCores = (cpu.cpuSecondsAt(producedUntilMs) - cpu.cpuSecondsAt(startMs)) / ((producedUntilMs - startMs) / 1e3);
      Log.info("freshness over %,d traces (%,d not visible): p50 %.1f s, p95 %.1f s, max %.1f s; job %.2f cores at this rate",
          sorted.length, notVisible, percentile(sorted, 50) / 1e3, percentile(sorted, 95) / 1e3,
          sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e3, jobCores);
      if (sorted.length == 0) {
        throw new IllegalStateException("no trace became visible");
      }
      results.put("freshness.rate", rate);
      results.put("freshness.seconds", seconds);
      results.put("freshness.spans", spans);
      results.put("freshness.traces", sorted.length);
      results.put("freshness.traces_not_visible", notVisible);
      results.put("freshness.min_ms", sorted[0]);
      results.put("freshness.p50_ms", percentile(sorted, 50));
      results.put("freshness.p95_ms", percentile(sorted, 95));
      results.put("freshness.max_ms", sorted[sorted.length - 1]);
      results.put("freshness.job_cores", jobCores);
      results.put("freshness.job_peak_rss_bytes", job.peakRssBytes());
    }
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, String topic, GeneratedTrace trace, Map<String, Sent> sent) {
    byte[] key = trace.traceIdHex().getBytes(StandardCharsets.US_ASCII);
    List<ExportTraceServiceRequest> requests = trace.requests();
    Sent t = new Sent();
    t.pending = requests.size();
    sent.put(trace.traceIdHex(), t);
    for (ExportTraceServiceRequest request : requests) {
      producer.send(new ProducerRecord<>(topic, key, request.toByteArray()), (m, e) -> {
        if (e != null) {
          Log.info("send failed: %s", e);
          return;
        }
        synchronized (t) {
          t.pending--;
          t.lastAckMs = Math.max(t.lastAckMs, System.currentTimeMillis());
        }
      });
    }
  }

  /** Nearest-rank percentile of sorted values. */
  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** Sends traces spaced to the rate, each trace's records together, until the time is up. */
  static final class Pacer implements Runnable {
    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final RootedTraffic traffic;
    private final double rate;
    private final long seconds;
    private final Map<String, Sent> sent;
    volatile long spans;
    volatile long doneMs;
    volatile Throwable error;

    Pacer(KafkaProducer<byte[], byte[]> producer, String topic, RootedTraffic traffic, double rate, long seconds,
        Map<String, Sent> sent) {
      this.producer = producer;
      this.topic = topic;
      this.traffic = traffic;
      this.rate = rate;
      this.seconds = seconds;
      this.sent = sent;
    }

    @Override
    public void run() {
      try {
        long startNs = System.nanoTime();
        long endNs = startNs + seconds * 1_000_000_000L;
        long n = 0;
        while (true) {
          long dueNs = startNs + (long) (n / rate * 1e9);
          if (dueNs >= endNs) {
            break;
          }
          long wait = dueNs - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
          GeneratedTrace trace = traffic.next(System.currentTimeMillis() * 1000);
          send(producer, topic, trace, sent);
          n += trace.spanCount();
          spans = n;
        }
        producer.flush();
      } catch (Throwable t) {
        error = t;
      } finally {
        doneMs = System.currentTimeMillis();
      }
    }
  }
}
