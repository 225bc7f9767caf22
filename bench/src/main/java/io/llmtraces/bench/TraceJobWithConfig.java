package io.llmtraces.bench;

import io.llmtraces.job.JobOptions;
import io.llmtraces.job.TraceJob;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The real job with extra Flink settings on top of its own, for trying settings in the benchmark
 * without touching the job ({@code BENCH_JOB_CONF} of {@code scripts/bench-pipeline}):
 * {@code --conf key=value,key=value} followed by the job's own options.
 */
public final class TraceJobWithConfig {
  private TraceJobWithConfig() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || !args[0].equals("--conf")) {
      throw new IllegalArgumentException("usage: TraceJobWithConfig --conf key=value,... <TraceJob options>");
    }
    Map<String, String> extra = new HashMap<>();
    for (String kv : args[1].split(",")) {
      int eq = kv.indexOf('=');
      extra.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
    }
    JobOptions options = JobOptions.parse(Arrays.copyOfRange(args, 2, args.length));
    StreamExecutionEnvironment env = TraceJob.environment(options);
    env.configure(Configuration.fromMap(extra));
    System.out.println("[bench] job with extra settings " + extra);
    TraceJob.start(env, options).getJobExecutionResult().get();
  }
}
