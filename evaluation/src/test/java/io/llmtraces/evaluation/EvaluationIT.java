package io.llmtraces.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmtraces.demo.DemoProducerConfig;
import io.llmtraces.demo.GroundTruth;
import io.llmtraces.demo.GroundTruthFile;
import io.llmtraces.demo.LabelledReplay;
import io.llmtraces.demo.LabelledScenario;
import io.llmtraces.demo.OtlpFormat;
import io.llmtraces.evaluation.EvaluationReport.TargetResult;
import io.llmtraces.job.JobOptions;
import io.llmtraces.job.TraceJob;
import io.llmtraces.testing.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import io.llmtraces.testing.TestClusters;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small fixed-seed labelled run through the real job (Kafka, Flink MiniCluster, Iceberg on disk),
 * evaluated against its ground truth: precision and recall floors per type, false alarms on normal
 * traces, and streamed calls without usage never taken for empty answers.
 */
class EvaluationIT {
  private static final String TOPIC = "otlp_spans";
  private static final long SEED = 7;

  /** The default schedule squeezed into 20 simulated minutes: about 3,600 labelled traces. */
  private static final LabelledScenario WORKLOAD =
      LabelledScenario.defaults().scaledTo(Duration.ofMinutes(20));

  /** Floors of this small run: below the default run's targets, its counts being smaller. */
  private static final Targets.Bounds FLOORS = new Targets.Bounds(0.9, 0.01, 2);

  @RegisterExtension
  static final MiniClusterExtension FLINK = TestClusters.miniCluster();

  private static KafkaBroker kafka;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = KafkaBroker.start();
    kafka.createTopic(TOPIC, 2);
    kafka.createTopic("otlp_spans_dlq", 1);
  }

  @AfterAll
  static void stopKafka() throws Exception {
    kafka.close();
  }

  @Test
  void theJobFindsTheLabelledAnomalies(@TempDir Path dataDir) throws Exception {
    Path truthFile = dataDir.resolve("ground-truth.jsonl");
    DemoProducerConfig producer =
        new DemoProducerConfig(
            kafka.bootstrapServers(),
            TOPIC,
            0,
            0,
            OtlpFormat.OTLP_PROTO,
            true,
            SEED,
            true,
            truthFile,
            0);
    LabelledReplay.toKafka(producer, WORKLOAD, System.out);
    List<GroundTruth> truth = GroundTruthFile.read(truthFile);

    JobOptions options =
        JobOptions.parse(
            "--bootstrap-servers",
            kafka.bootstrapServers(),
            "--data-dir",
            dataDir.toString(),
            "--checkpoint-interval-s",
            "2",
            // Event time from the records alone, as in scripts/evaluate: a partition not read for
            // a while is not idle; the unlabelled tail moves event time past every labelled trace.
            "--idle-after-ms",
            "600000",
            "--parallelism",
            "2");
    JobClient job = TraceJob.start(TraceJob.environment(options), options);
    EvaluationReport report;
    try {
      TableRows rows =
          new IcebergRows(io.llmtraces.sink.Catalogs.loader(options.catalog()).loadCatalog())
              .awaitComplete(truth, Duration.ofMinutes(4), System.out);
      report = Evaluator.evaluate(truth, rows, FLOORS);
    } finally {
      job.cancel().get();
    }
    System.out.println(MarkdownReport.render(report, List.of("EvaluationIT, seed " + SEED)));

    assertThat(report.coverage().missingTraces()).as("labelled traces not in the tables").isZero();
    assertThat(report.coverage().missingSpans()).as("labelled spans not in the tables").isZero();
    assertThat(report.coverage().tracesInPieces()).as("traces the job wrote in pieces").isZero();
    assertThat(report.coverage().unscoredSpans())
        .as("spans whose anomaly columns are null: the job wrote them without scoring them")
        .isZero();
    SoftAssertions floors = new SoftAssertions();
    for (TargetResult t : report.targets()) {
      if (!t.target().startsWith("new model")) {
        floors
            .assertThat(t.met())
            .as(t.target() + ": " + t.measure() + " " + t.bound() + ", was " + t.value())
            .isTrue();
      }
    }
    floors.assertAll();
  }

}
