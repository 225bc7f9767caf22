package io.llmtraces.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.llmtraces.demo.GroundTruth;
import io.llmtraces.demo.GroundTruthFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.hadoop.HadoopCatalog;

/**
 * The evaluation command's Java side: waits until the tables hold every trace of a ground truth
 * file, compares their anomaly flags with it, prints the markdown report and writes it with its
 * JSON beside. {@code scripts/evaluate} runs the whole labelled run around it.
 */
public final class EvaluationMain {
  static final String USAGE =
      """
      Usage: EvaluationMain --truth-file PATH --warehouse DIR [options]
        --truth-file PATH   ground truth of the labelled run (JSON lines)
        --warehouse DIR     the Iceberg warehouse of a Hadoop catalog (<data-dir>/warehouse)
        --report PATH       markdown report (default evaluation-report.md); JSON goes beside it
        --timeout-s N       how long to wait for the tables to hold every trace (default 900)
        --header TEXT       a line under the report's title (how the run was made); repeatable
      """;

  private EvaluationMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    List<String> header = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (i + 1 >= args.length || !args[i].startsWith("--")) {
        fail("expected --name value, got " + args[i]);
      }
      String name = args[i].substring(2);
      String value = args[++i];
      if (name.equals("header")) {
        header.add(value);
      } else if (List.of("truth-file", "warehouse", "report", "timeout-s").contains(name)) {
        options.put(name, value);
      } else {
        fail("unknown option --" + name);
      }
    }
    if (!options.containsKey("truth-file") || !options.containsKey("warehouse")) {
      fail("--truth-file and --warehouse are required");
    }
    Path report = Path.of(options.getOrDefault("report", "evaluation-report.md"));
    List<GroundTruth> truth = GroundTruthFile.read(Path.of(options.get("truth-file")));
    System.out.printf("[evaluate] %d labelled traces; waiting for the tables%n", truth.size());
    TableRows rows;
    try (HadoopCatalog catalog = new HadoopCatalog(new Configuration(), options.get("warehouse"))) {
      rows =
          new IcebergRows(catalog)
              .awaitComplete(
                  truth,
                  Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout-s", "900"))),
                  System.out);
    }
    EvaluationReport result = Evaluator.evaluate(truth, rows);
    String markdown = MarkdownReport.render(result, header);
    Path json =
        report.resolveSibling(report.getFileName().toString().replaceFirst("\\.md$", "") + ".json");
    if (report.toAbsolutePath().getParent() != null) {
      Files.createDirectories(report.toAbsolutePath().getParent());
    }
    Files.writeString(report, markdown, StandardCharsets.UTF_8);
    Files.writeString(
        json,
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result),
        StandardCharsets.UTF_8);
    System.out.println(markdown);
    System.out.printf("[evaluate] report: %s, JSON: %s%n", report, json);
  }

  private static void fail(String message) {
    System.err.println(message);
    System.err.print(USAGE);
    System.exit(2);
  }
}
