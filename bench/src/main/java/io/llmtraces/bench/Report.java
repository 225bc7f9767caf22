package io.llmtraces.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/** The results as a markdown table, with the command and the machine. */
final class Report {
  private Report() {}

  static String markdown(Results r, String command) {
    StringBuilder md = new StringBuilder();
    double spans = r.number("e2e.spans");
    double e2e = r.number("e2e.spans_per_s");
    double cpu = r.number("e2e.job_cpu_seconds");
    double ceiling = r.number("ceiling.flink.spans_per_s");
    md.append(f("Command: `%s` (%s)%n%n", command, LocalDate.now()));
    md.append(f("Machine: %s%n%n", machine()));
    md.append("| figure | value |\n|---|---|\n");
    row(md, "spans pushed", f("%,.0f in %,.0f traces, %,.0f Kafka records (%,.0f MB of OTLP protobuf)",
        r.number("generate.spans"), r.number("generate.traces"), r.number("generate.records"),
        r.number("generate.bytes") / 1e6));
    double input = r.number("e2e.rate");
    if (r.has("warmup.spans")) {
      row(md, "warm-up before the measurement (other traces, same rate; the job's code compiled by the JIT)",
          f("%,.0f spans, committed in %.1f s", r.number("warmup.spans"), r.number("warmup.seconds")));
    }
    row(md, "**end to end** (first record produced → last Iceberg commit)",
        f("**%,.0f spans/s** (%,.0f spans in %.1f s; input %s)", e2e, spans, r.number("e2e.seconds"),
            input > 0 ? f("paced at %,.0f spans/s", input) : "as fast as possible"));
    row(md, "job CPU over that time (user + system, all threads of the job JVM)",
        f("%.1f CPU-s = %.2f cores on average", cpu, cpu / r.number("e2e.seconds")));
    double jit = r.number("e2e.job_cpu_jit_seconds");
    double gc = r.number("e2e.job_cpu_gc_seconds");
    row(md, "of that: the JIT compiler's threads, the garbage collector's threads",
        f("%.1f CPU-s (%.0f %%), %.1f CPU-s (%.0f %%)", jit, 100 * jit / cpu, gc, 100 * gc / cpu));
    row(md, "whole machine busy meanwhile (job, Kafka broker, copier, anything else)",
        f("%.2f of %d cores", r.number("e2e.machine_busy_cores"), Runtime.getRuntime().availableProcessors()));
    row(md, "**spans/s per core** (spans per CPU second of the job JVM)", f("**%,.0f**", spans / cpu));
    if (r.has("e2e.steady.spans")) {
      double steadySpans = r.number("e2e.steady.spans");
      double steadyCpu = r.number("e2e.steady.cpu_seconds");
      row(md, "steady state (between the commits that passed 20 % and 80 % of the spans: no warm-up, no final wait)",
          f("%,.0f spans/s at %.2f cores: **%,.0f spans per CPU second**", steadySpans / r.number("e2e.steady.seconds"),
              steadyCpu / r.number("e2e.steady.seconds"), steadySpans / steadyCpu));
      double steadyJit = r.number("e2e.steady.cpu_jit_seconds");
      double steadyGc = r.number("e2e.steady.cpu_gc_seconds");
      row(md, "steady state: the JIT compiler's share, the garbage collector's, spans per CPU second of the job's own threads",
          f("%.0f %%, %.0f %%, %,.0f", 100 * steadyJit / steadyCpu, 100 * steadyGc / steadyCpu,
              steadySpans / (steadyCpu - steadyJit - steadyGc)));
    }
    row(md, f("**ceiling**: Flink, Kafka source + decode + normalize, parallelism %.0f",
            r.number("ceiling.flink.parallelism")),
        f("**%,.0f spans/s** (%.1f s; %,.0f spans per CPU second)", ceiling, r.number("ceiling.flink.seconds"),
            r.number("ceiling.flink.spans") / r.number("ceiling.flink.cpu_seconds")));
    row(md, "ceiling: one thread, KafkaConsumer + decode + normalize",
        f("%,.0f spans/s (%,.0f spans per CPU second of that thread)", r.number("ceiling.plain.spans_per_s"),
            r.number("ceiling.plain.spans") / r.number("ceiling.plain.thread_cpu_seconds")));
    row(md, "end to end / ceiling", f("%.0f %%", 100 * e2e / ceiling));
    row(md, f("peak RSS of the job JVM (`-Xms%1$s -Xmx%1$s`)", r.text("e2e.job_heap")), f("%,.0f MB", r.number("e2e.job_peak_rss_bytes") / (1 << 20)));
    row(md, "where the end-to-end time went",
        f("records copied into the topic in %.1f s; the job read the last one at about %.1f s "
                + "(%,.0f spans/s); last trace closed at %.1f s (%.0f s floor: idle 2 s + out-of-orderness 1 s + "
                + "quiet gap 10 s); committed %.1f s later (checkpoint every 10 s)",
            r.number("e2e.copy_seconds"), r.number("e2e.read_seconds_estimate"),
            spans / r.number("e2e.read_seconds_estimate"), r.number("e2e.last_close_seconds"),
            r.number("e2e.close_floor_seconds"), r.number("e2e.commit_after_close_seconds"))
            + (r.number("e2e.read_seconds_estimate") < r.number("e2e.copy_seconds") + 5
                ? "; **the job kept up with the input: the figure is the input rate, not the job's limit**" : ""));
    if (r.has("freshness.p50_ms")) {
      row(md, f("**freshness** at %,.0f spans/s for %.0f s (trace's last span acknowledged by Kafka → "
              + "commit that made the trace visible)", r.number("freshness.rate"), r.number("freshness.seconds")),
          f("**p50 %.1f s, p95 %.1f s**, max %.1f s over %,.0f traces (%,.0f not visible in time); job %.2f cores",
              r.number("freshness.p50_ms") / 1e3, r.number("freshness.p95_ms") / 1e3,
              r.number("freshness.max_ms") / 1e3, r.number("freshness.traces"),
              r.number("freshness.traces_not_visible"), r.number("freshness.job_cores")));
    }
    if (r.number("generate.rootless_traces_left_out") > 0) {
      md.append(f("%nDemo traces whose root span was never exported (%,.0f traces, %,.0f spans here) were left out: "
              + "the job closes them only 300 s (`--max-open-s`) after their first span.%n",
          r.number("generate.rootless_traces_left_out"), r.number("generate.rootless_spans_left_out")));
    }
    return md.toString();
  }

  private static void row(StringBuilder md, String figure, String value) {
    md.append("| ").append(figure).append(" | ").append(value).append(" |\n");
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  static String machine() {
    String model = "?";
    long memKb = 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          model = line.substring(line.indexOf(':') + 1).trim();
          break;
        }
      }
      memKb = ProcStats.statusKb(Files.readString(Path.of("/proc/meminfo")), "MemTotal:");
    } catch (IOException | RuntimeException e) {
      // leave the defaults
    }
    return f("%d cores (%s), %.0f GB RAM, Java %s", Runtime.getRuntime().availableProcessors(), model,
        memKb / 1024.0 / 1024.0, System.getProperty("java.version"));
  }
}
