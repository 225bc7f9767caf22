package io.llmtraces.bench;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * End to end through the real job (started by the script as its own JVM, on an empty topic): the
 * generated records are copied from the generate phase's topic to the job's topic at {@code
 * --rate} spans/s (0: as fast as possible), with new Kafka timestamps (the job's event time is the
 * record's arrival), and the {@code spans} table is polled until its current snapshot holds them
 * all. Start: the wall time of the first record sent; end: the commit time of that snapshot.
 *
 * <p>Copying already encoded records keeps the demo generator's own CPU out of the measurement,
 * and the job sees the very records of the ceiling run. The rate should be above what the job
 * sustains, so that the job is the bottleneck, but not far above: the job keeps every span of an
 * open trace in state for about 13 s of event time, so flat-out input fills its heap (see
 * docs/performance.md).
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
      if (Tables.totalRecords(spans) != 0) {
        throw new IllegalStateException("the spans table is not empty: " + Tables.totalRecords(spans) + " rows");
      }
      Thread.sleep(2_000); // the source readers have just been assigned their splits
      long before = 0;
      if (results.has("warmup.spans")) {
        before = warmUp(args, results, spans);
      }
      Log.info("end to end: copying %,d spans from %s to %s at %s; the job (pid %s) runs", expected, from, topic,
          args.getDouble("rate", 10_000) > 0 ? String.format(java.util.Locale.ROOT, "%,.0f spans/s", args.getDouble("rate", 10_000))
              : "full speed", jobPid);
      try (CpuTimeline cpu = new CpuTimeline(job, 250)) {
        double machineStart = ProcStats.machineBusySeconds(clk);
        double rate = args.getDouble("rate", 10_000);
        double recordsPerSpan = results.number("generate.records") / results.number("generate.spans");
        Copier copier = new Copier(servers, from, topic, rate * recordsPerSpan);
        Thread copyThread = new Thread(copier, "copy-records");
        copyThread.start();
        long endMs = 0;
        long lastProgress = System.currentTimeMillis();
        long lastCount = 0;
        long lastReport = 0;
        Snapshot last = null;
        List<long[]> commits = new ArrayList<>(); // {commit time, spans in the table then}
        while (true) {
          Thread.sleep(500);
          if (copier.error != null) {
            throw new IllegalStateException("copying records failed", copier.error);
          }
          if (!job.alive()) {
            throw new IllegalStateException("the job's JVM (pid " + jobPid + ") is gone; see its log");
          }
          spans.refresh();
          long total = Tables.totalRecords(spans) - before;
          long now = System.currentTimeMillis();
          if (total != lastCount) {
            lastCount = total;
            lastProgress = now;
            commits.add(new long[] {spans.currentSnapshot().timestampMillis(), total});
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
        long total = Tables.totalRecords(spans) - before;
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
        copier.partitionSpanMs.forEach((p, t) -> Log.info("  partition %d written from %.1f s to %.1f s", p,
            (t[0] - firstMs) / 1e3, (t[1] - firstMs) / 1e3));
        steady(commits, expected, cpu, results);
        results.put("e2e.rate", rate);
        results.put("e2e.job_heap", args.get("job-heap", "2g"));
        results.put("e2e.spans", total);
        results.put("e2e.seconds", seconds);
        results.put("e2e.spans_per_s", total / seconds);
        results.put("e2e.job_cpu_seconds", cpuSeconds);
        results.put("e2e.job_cpu_jit_seconds", cpu.jitSecondsAt(endMs) - cpu.jitSecondsAt(firstMs));
        results.put("e2e.job_cpu_gc_seconds", cpu.gcSecondsAt(endMs) - cpu.gcSecondsAt(firstMs));
        results.put("e2e.job_peak_rss_bytes", peakRss);
        results.put("e2e.copy_seconds", (copier.doneMs - firstMs) / 1e3);
        results.put("e2e.last_close_seconds", (lastCloseMs - firstMs) / 1e3);
        results.put("e2e.commit_after_close_seconds", (endMs - lastCloseMs) / 1e3);
        results.put("e2e.read_seconds_estimate", readSeconds);
        results.put("e2e.close_floor_seconds", CLOSE_FLOOR_MS / 1e3);
      }
    }
  }

  /**
   * Sends the warm-up batch (other traces than the measured ones) at the same rate and waits until
   * the job has committed all of it: the JIT compiler has then compiled the job's hot code, as in
   * a job that has been running for a while. Returns the spans it committed.
   */
  private static long warmUp(Args args, Results results, Table spans) throws Exception {
    long expected = (long) results.number("warmup.spans");
    double rate = args.getDouble("rate", 10_000);
    double recordsPerSpan = results.number("warmup.records") / expected;
    Log.info("warm-up: copying %,d spans (other traces) from %s", expected, args.get("warmup-topic"));
    Copier copier = new Copier(args.get("bootstrap-servers"), args.get("warmup-topic"), args.get("topic"), rate * recordsPerSpan);
    long start = System.currentTimeMillis();
    copier.run();
    if (copier.error != null) {
      throw new IllegalStateException("copying the warm-up records failed", copier.error);
    }
    long deadline = System.currentTimeMillis() + 300_000;
    while (true) {
      spans.refresh();
      long total = Tables.totalRecords(spans);
      if (total >= expected) {
        Log.info("warm-up: %,d spans committed in %.1f s", total, (System.currentTimeMillis() - start) / 1e3);
        results.put("warmup.seconds", (System.currentTimeMillis() - start) / 1e3);
        return total;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("warm-up: only " + total + " of " + expected + " spans committed in 5 minutes");
      }
      Thread.sleep(500);
    }
  }

  /**
   * The steady state: spans committed and the job's CPU between the commits that took the table
   * past 20 % and past 80 % of the spans, which leaves out the JIT's warm-up at the start and the
   * wait for the last traces to close at the end.
   */
  private static void steady(List<long[]> commits, long expected, CpuTimeline cpu, Results results) {
    long[] from = null;
    long[] to = null;
    for (long[] c : commits) {
      if (from == null && c[1] >= expected / 5) {
        from = c;
      } else if (from != null && to == null && c[1] >= expected * 4 / 5) {
        to = c;
      }
    }
    if (from == null || to == null) {
      Log.info("  steady state: too few commits to tell");
      return;
    }
    double spans = to[1] - from[1];
    double seconds = (to[0] - from[0]) / 1e3;
    double cpuSeconds = cpu.cpuSecondsAt(to[0]) - cpu.cpuSecondsAt(from[0]);
    Log.info("  steady state (commits from %,d to %,d spans): %,.0f spans/s, %.2f cores, %,.0f spans per CPU second",
        from[1], to[1], spans / seconds, cpuSeconds / seconds, spans / cpuSeconds);
    results.put("e2e.steady.spans", spans);
    results.put("e2e.steady.seconds", seconds);
    results.put("e2e.steady.cpu_seconds", cpuSeconds);
    double jit = cpu.jitSecondsAt(to[0]) - cpu.jitSecondsAt(from[0]);
    double gc = cpu.gcSecondsAt(to[0]) - cpu.gcSecondsAt(from[0]);
    Log.info("  of which the JIT compiler %.1f s, the garbage collector %.1f s: %,.0f spans per CPU second of the rest",
        jit, gc, spans / (cpuSeconds - jit - gc));
    results.put("e2e.steady.cpu_jit_seconds", jit);
    results.put("e2e.steady.cpu_gc_seconds", gc);
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

  /**
   * Copies every record of one topic to another, keys and values as they are, in the order they
   * were first produced across partitions (a merge by their original timestamps), so that the
   * partitions fill evenly as they would from real producers; paced to {@code recordsPerSecond}
   * (0: as fast as possible).
   */
  static final class Copier implements Runnable {
    private static final int PAUSE_AT = 4_000;
    private final String servers;
    private final String from;
    private final String to;
    private final double recordsPerSecond;
    final AtomicLong sent = new AtomicLong();
    volatile long firstMs;
    volatile long doneMs;
    volatile Throwable error;
    final Map<Integer, long[]> partitionSpanMs = new TreeMap<>(); // partition -> {first, last} send wall time

    Copier(String servers, String from, String to, double recordsPerSecond) {
      this.servers = servers;
      this.from = from;
      this.to = to;
      this.recordsPerSecond = recordsPerSecond;
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
        Map<TopicPartition, ArrayDeque<ConsumerRecord<byte[], byte[]>>> buffered = new HashMap<>();
        partitions.forEach(tp -> buffered.put(tp, new ArrayDeque<>()));
        long startNs = 0;
        long n = 0;
        while (true) {
          // Emit while every partition that still has records has one buffered: the merge is exact.
          while (true) {
            TopicPartition next = null;
            boolean blocked = false;
            for (TopicPartition tp : partitions) {
              ArrayDeque<ConsumerRecord<byte[], byte[]>> q = buffered.get(tp);
              if (q.isEmpty()) {
                if (consumer.position(tp) < end.get(tp)) {
                  blocked = true;
                }
              } else if (next == null || q.peek().timestamp() < buffered.get(next).peek().timestamp()) {
                next = tp;
              }
            }
            if (blocked || next == null) {
              break;
            }
            ConsumerRecord<byte[], byte[]> r = buffered.get(next).poll();
            if (n == 0) {
              startNs = System.nanoTime();
              firstMs = System.currentTimeMillis();
            } else if (recordsPerSecond > 0) {
              long wait = startNs + (long) (n / recordsPerSecond * 1e9) - System.nanoTime();
              if (wait > 0) {
                LockSupport.parkNanos(wait);
              }
            }
            producer.send(new ProducerRecord<>(to, r.key(), r.value()), (m, e) -> {
              if (e != null) {
                failures.incrementAndGet();
              }
            });
            long now = System.currentTimeMillis();
            partitionSpanMs.computeIfAbsent(r.partition(), p -> new long[] {now, now})[1] = now;
            n++;
            sent.incrementAndGet();
          }
          boolean all = true;
          for (TopicPartition tp : partitions) {
            all &= buffered.get(tp).isEmpty() && consumer.position(tp) >= end.get(tp);
          }
          if (all) {
            break;
          }
          // Fetch more, only for partitions that are not far ahead.
          List<TopicPartition> pause = new ArrayList<>();
          List<TopicPartition> resume = new ArrayList<>();
          for (TopicPartition tp : partitions) {
            (buffered.get(tp).size() >= PAUSE_AT ? pause : resume).add(tp);
          }
          consumer.pause(pause);
          consumer.resume(resume);
          for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
            buffered.get(new TopicPartition(r.topic(), r.partition())).add(r);
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
  }
}
