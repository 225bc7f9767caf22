package io.llmtraces.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and memory of a process, from Linux's {@code /proc}: what the process used, all its
 * threads together (task threads, GC, JIT, Kafka and Iceberg I/O).
 */
final class ProcStats {
  private final String pid;
  private final long clockTicksPerSecond;

  /** {@code pid} may be {@code self}. */
  ProcStats(String pid, long clockTicksPerSecond) {
    this.pid = pid;
    this.clockTicksPerSecond = clockTicksPerSecond;
  }

  /** User plus system CPU seconds used so far. */
  double cpuSeconds() {
    return cpuTicks(read("stat")) / (double) clockTicksPerSecond;
  }

  /**
   * CPU seconds so far of the JVM's JIT compiler threads and of its garbage collector's threads,
   * in that order, from the stat file of each thread under {@code /proc/PID/task} (a thread's name
   * is its {@code comm}). Threads that have exited are no longer listed: their time is only in
   * {@link #cpuSeconds()}.
   */
  double[] jitAndGcCpuSeconds() {
    long jit = 0;
    long gc = 0;
    try (var tasks = Files.newDirectoryStream(Path.of("/proc", pid, "task"))) {
      for (Path task : tasks) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (IOException gone) {
          continue; // the thread ended meanwhile
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (isJit(name)) {
          jit += cpuTicks(stat);
        } else if (isGc(name)) {
          gc += cpuTicks(stat);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc/" + pid + "/task: " + e, e);
    }
    return new double[] {jit / (double) clockTicksPerSecond, gc / (double) clockTicksPerSecond};
  }

  /** HotSpot's compiler threads: "C1 CompilerThread0", "C2 CompilerThread0" (cut to 15 chars). */
  static boolean isJit(String threadName) {
    return threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler");
  }

  /**
   * The collector's threads: parallel workers ("GC Thread#0", of G1 and of the parallel
   * collector alike) and G1's concurrent marking, refinement and service threads ("G1 Conc#0").
   */
  static boolean isGc(String threadName) {
    return threadName.startsWith("GC Thread") || threadName.startsWith("G1 ");
  }

  /** Peak resident set size so far (VmHWM), in bytes. */
  long peakRssBytes() {
    return statusKb(read("status"), "VmHWM:") * 1024;
  }

  /** Resident set size now (VmRSS), in bytes. */
  long rssBytes() {
    return statusKb(read("status"), "VmRSS:") * 1024;
  }

  /** Busy CPU seconds of the whole machine so far, all processes (from {@code /proc/stat}). */
  static double machineBusySeconds(long clockTicksPerSecond) {
    try {
      String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] f = cpu.trim().split("\\s+");
      // cpu user nice system idle iowait irq softirq steal ...: busy is all but idle and iowait
      long busy = 0;
      for (int i = 1; i < f.length && i <= 8; i++) {
        if (i != 4 && i != 5) {
          busy += Long.parseLong(f[i]);
        }
      }
      return busy / (double) clockTicksPerSecond;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc/stat", e);
    }
  }

  boolean alive() {
    return Files.exists(Path.of("/proc", pid, "stat"));
  }

  /** utime + stime from the text of {@code /proc/PID/stat}, in clock ticks. */
  static long cpuTicks(String stat) {
    // The command name (field 2) is in parentheses and may hold spaces: count from the last ')'.
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    // f[0] is field 3 (state); utime and stime are fields 14 and 15.
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  /** A {@code kB} value of {@code /proc/PID/status}. */
  static long statusKb(String status, String key) {
    for (String line : status.split("\n")) {
      if (line.startsWith(key)) {
        return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
      }
    }
    throw new IllegalStateException(key + " not in /proc status");
  }

  private String read(String file) {
    try {
      return Files.readString(Path.of("/proc", pid, file));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc/" + pid + "/" + file + ": " + e, e);
    }
  }
}
