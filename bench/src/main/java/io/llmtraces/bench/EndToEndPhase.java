package io.llmtraces.bench;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * End to end through the real job (started by the script as its own JVM, on an empty topic): the
 * generated records are copied as fast as possible from the generate phase's topic to the job's
 * topic (new Kafka timestamps: the job's event time is the record's arrival), and the {@code
 * spans} table is polled until its current snapshot holds them all. Start: the wall time of the
 * first record sent; end: the commit time of that snapshot.
 *
 * <p>Copying already encoded records keeps the demo generator's own CPU out of the measurement,
 * and the job sees the very records of the ceiling run.
 */
final class EndToEndPhase {
  /** A trace closes this long of wall time after the job read its last record, once traffic has stopped: the idle
   *  detection (--idle-after-ms 2000), the out-of-orderness (--out-of-orderness-ms 1000) and the quiet gap (10 s). */
  static final long CLOSE_FLOOR_MS = 2_000 + 1_000 + 10_000;

  private EndToEndPhase() {}

  static void run(Args args, Results results) throws Exception {
    String servers = args.get("bootstrap-servers");
    String from = args.get("source-topic");
    String topic = args.get("topic");
    String jobPid = args.get("job-pid");
    long clk = args.getLong("clk-tck", 100);
    long expected = (long) results.number("generate.spans");
    ProcStats job = new ProcStats(jobPid, clk);

    FlinkRest rest = new FlinkRest(args.get("rest"));
    rest.awaitRunning(180_000);
    try (Tables tables = new Tables(args.get("warehouse"))) {
      Table spans = tables.spans();
      long before = Tables.totalRecords(spans);
      if (before != 0) {
        throw new IllegalStateException("the spans table is not empty: " + before + " rows");
      }
      Thread.sleep(2_000); // the source readers have just been assigned their splits
      Log.info("end to end: copying %,d spans from %s to %s; the job (pid %s) runs", expected, from, topic, jobPid);
      try (CpuTimeline cpu = new CpuTimeline(job, 250)) {
        double machineStart = ProcStats.machineBusySeconds(clk);
        Copier copier = new Copier(servers, from, topic);
        Thread copyThread = new Thread(copier, "copy-records");
        copyThread.start();
        long endMs = 0;
        long lastProgress = System.currentTimeMillis();
        long lastCount = 0;
        long lastReport = 0;
        Snapshot last = null;
        while (true) {
          Thread.sleep(500);
          if (copier.error != null) {
            throw new IllegalStateException("copying records failed", copier.error);
          }
          if (!job.alive()) {
            throw new IllegalStateException("the job's JVM (pid " + jobPid + ") is gone; see its log");
          }
          spans.refresh();
          long total = Tables.totalRecords(spans);
          long now = System.currentTimeMillis();
          if (total != lastCount) {
            lastCount = total;
            lastProgress = now;
          }
          if (now - lastReport >= 5_000) {
            Log.info("copied %,d records; spans committed %,d of %,d; job: %.2f cores, RSS %,d MB",
                copier.sent.get(), total, expected, cpu.recentCores(5_000), job.rssBytes() >> 20);
            lastReport = now;
          }
          if (total >= expected) {
            last = spans.currentSnapshot();
            endMs = last.timestampMillis();
            break;
          }
          if (copier.doneMs > 0 && now - lastProgress > 180_000) {
            throw new IllegalStateException(
                "spans committed stopped at " + total + " of " + expected + " for 3 minutes");
          }
        }
        double machineBusy = ProcStats.machineBusySeconds(clk) - machineStart;
        copyThread.join();
        long firstMs = copier.firstMs;
        double seconds = (endMs - firstMs) / 1e3;
        double cpuSeconds = cpu.cpuSecondsAt(endMs) - cpu.cpuSecondsAt(firstMs);
        long peakRss = job.peakRssBytes();
        long lastCloseMs = lastClose(spans, last);
        long total = Tables.totalRecords(spans);
        double readSeconds = (lastCloseMs - CLOSE_FLOOR_MS - firstMs) / 1e3;
        Log.info("end to end: %,d spans in %.1f s (first record sent -> last commit): %,.0f spans/s;"
                + " job CPU %.1f s = %.2f cores on average, %,.0f spans per CPU second; peak RSS %,d MB",
            total, seconds, total / seconds, cpuSeconds, cpuSeconds / seconds, total / cpuSeconds, peakRss >> 20);
        Log.info("  copying took %.1f s; the last trace closed %.1f s after the first record was sent"
                + " (so the job had read everything about %.1f s in: %,.0f spans/s), committed %.1f s later",
            (copier.doneMs - firstMs) / 1e3, (lastCloseMs - firstMs) / 1e3, readSeconds, total / readSeconds,
            (endMs - lastCloseMs) / 1e3);
        Log.info("  the whole machine was busy %.2f cores on average meanwhile (the job, Kafka, this copier, and"
            + " anything else running)", machineBusy / seconds);
        results.put("e2e.machine_busy_cores", machineBusy / seconds);
        results.put("e2e.job_heap", args.get("job-heap", "2g"));
        results.put("e2e.spans", total);
        results.put("e2e.seconds", seconds);
        results.put("e2e.spans_per_s", total / seconds);
        results.put("e2e.job_cpu_seconds", cpuSeconds);
        results.put("e2e.job_peak_rss_bytes", peakRss);
        results.put("e2e.copy_seconds", (copier.doneMs - firstMs) / 1e3);
        results.put("e2e.last_close_seconds", (lastCloseMs - firstMs) / 1e3);
        results.put("e2e.commit_after_close_seconds", (endMs - lastCloseMs) / 1e3);
        results.put("e2e.read_seconds_estimate", readSeconds);
        results.put("e2e.close_floor_seconds", CLOSE_FLOOR_MS / 1e3);
      }
    }
  }

  /** When the job closed the last trace of a snapshot: the largest ingested_at it appended. */
  private static long lastClose(Table spans, Snapshot snapshot) {
    long[] max = {0};
    Tables.appended(spans, snapshot, r -> {
      OffsetDateTime t = (OffsetDateTime) r.getField("ingested_at");
      max[0] = Math.max(max[0], t.toInstant().toEpochMilli());
    }, "ingested_at");
    return max[0];
  }

  /** Copies every record of one topic to another, keys and values as they are, as fast as it can. */
  static final class Copier implements Runnable {
    private final String servers;
    private final String from;
    private final String to;
    final AtomicLong sent = new AtomicLong();
    volatile long firstMs;
    volatile long doneMs;
    volatile Throwable error;

    Copier(String servers, String from, String to) {
      this.servers = servers;
      this.from = from;
      this.to = to;
    }

    @Override
    public void run() {
      AtomicLong failures = new AtomicLong();
      try (KafkaConsumer<byte[], byte[]> consumer = Kafka.consumer(servers, "bench-copy", 8 << 20);
          KafkaProducer<byte[], byte[]> producer = Kafka.producer(servers, "bench-copy")) {
        List<TopicPartition> partitions =
            consumer.partitionsFor(from).stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        while (!done(consumer, end)) {
          for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
            if (firstMs == 0) {
              firstMs = System.currentTimeMillis();
            }
            producer.send(new ProducerRecord<>(to, r.key(), r.value()), (m, e) -> {
              if (e != null) {
                failures.incrementAndGet();
              }
            });
            sent.incrementAndGet();
          }
        }
        producer.flush();
        doneMs = System.currentTimeMillis();
        if (failures.get() > 0) {
          throw new IllegalStateException(failures.get() + " records failed to send");
        }
      } catch (Throwable t) {
        error = t;
      }
    }

    private static boolean done(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
      for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
        if (consumer.position(e.getKey()) < e.getValue()) {
          return false;
        }
      }
      return true;
    }
  }
}
