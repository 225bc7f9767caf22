package io.llmtraces.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The pipeline benchmark, one phase per call (each its own JVM; {@code scripts/bench-pipeline}
 * starts Kafka and the job between them and runs them in order):
 *
 * <pre>
 * generate    --results F --bootstrap-servers B --topic T --spans N [--seed S]
 * ceiling     --results F --bootstrap-servers B --topic T [--parallelism 2] [--clk-tck 100]
 * ceiling-plain --results F --bootstrap-servers B --topic T
 * end-to-end  --results F --bootstrap-servers B --source-topic T --topic otlp_spans --warehouse W
 *             --rest http://localhost:18081 --job-pid P [--rate 10000] [--job-heap 2g] [--clk-tck 100]
 * freshness   --results F --bootstrap-servers B --topic otlp_spans --warehouse W --job-pid P
 *             [--rate 2000] [--seconds 60] [--seed 2]
 * report      --results F --command "..." [--out FILE]
 * </pre>
 *
 * Each phase adds its figures to the results file F.
 */
public final class PipelineBenchmark {
  private PipelineBenchmark() {}

  public static void main(String[] argv) throws Exception {
    if (argv.length == 0) {
      System.err.println("usage: PipelineBenchmark generate|ceiling|ceiling-plain|end-to-end|freshness|report --results FILE ...");
      System.exit(2);
    }
    Args args = new Args(argv, 1);
    Results results = new Results(Path.of(args.get("results")));
    switch (argv[0]) {
      case "generate" -> GeneratePhase.run(args, results);
      case "ceiling" -> CeilingPhase.run(args, results);
      case "ceiling-plain" -> CeilingPhase.runPlain(args, results);
      case "end-to-end" -> EndToEndPhase.run(args, results);
      case "freshness" -> FreshnessPhase.run(args, results);
      case "report" -> {
        String md = Report.markdown(results, args.get("command"));
        System.out.print(md);
        String out = args.get("out", "");
        if (!out.isEmpty()) {
          Files.writeString(Path.of(out), md);
        }
        return;
      }
      default -> throw new IllegalArgumentException("unknown phase " + argv[0]);
    }
    results.save();
    // Kafka's and Flink's non-daemon threads must not keep a finished phase alive.
    System.exit(0);
  }
}
