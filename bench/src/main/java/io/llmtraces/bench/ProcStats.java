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
