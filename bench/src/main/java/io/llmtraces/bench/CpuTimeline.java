package io.llmtraces.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Samples a process's CPU seconds every few milliseconds, to tell how much CPU an interval used,
 * and how much of it went to the JVM's JIT compiler and garbage collector.
 */
final class CpuTimeline implements AutoCloseable {
  private final ProcStats proc;
  private final long everyMillis;
  private final List<long[]> samples = new ArrayList<>(); // {epoch millis, CPU micros, JIT micros, GC micros}
  private final Thread thread;
  private volatile boolean running = true;

  CpuTimeline(ProcStats proc, long everyMillis) {
    this.proc = proc;
    this.everyMillis = everyMillis;
    sample();
    this.thread = new Thread(this::loop, "cpu-timeline");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running) {
      try {
        Thread.sleep(everyMillis);
      } catch (InterruptedException e) {
        return;
      }
      if (proc.alive()) {
        sample();
      }
    }
  }

  private void sample() {
    long cpuMicros = Math.round(proc.cpuSeconds() * 1e6);
    double[] jitAndGc = proc.jitAndGcCpuSeconds();
    synchronized (samples) {
      samples.add(new long[] {System.currentTimeMillis(), cpuMicros, Math.round(jitAndGc[0] * 1e6), Math.round(jitAndGc[1] * 1e6)});
    }
  }

  /** CPU seconds used by the time {@code epochMillis}, read from the nearest sample. */
  double cpuSecondsAt(long epochMillis) {
    return nearest(epochMillis)[1] / 1e6;
  }

  /** CPU seconds of the JIT compiler's threads by then. */
  double jitSecondsAt(long epochMillis) {
    return nearest(epochMillis)[2] / 1e6;
  }

  /** CPU seconds of the garbage collector's threads by then. */
  double gcSecondsAt(long epochMillis) {
    return nearest(epochMillis)[3] / 1e6;
  }

  private long[] nearest(long epochMillis) {
    synchronized (samples) {
      long[] best = samples.get(0);
      for (long[] s : samples) {
        if (Math.abs(s[0] - epochMillis) < Math.abs(best[0] - epochMillis)) {
          best = s;
        }
      }
      return best;
    }
  }

  /** Cores busy on average over the last {@code millis}, for progress lines. */
  double recentCores(long millis) {
    synchronized (samples) {
      long[] last = samples.get(samples.size() - 1);
      long[] first = last;
      for (int i = samples.size() - 1; i >= 0 && last[0] - samples.get(i)[0] <= millis; i--) {
        first = samples.get(i);
      }
      return last[0] == first[0] ? 0 : (last[1] - first[1]) / 1e3 / (last[0] - first[0]);
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
