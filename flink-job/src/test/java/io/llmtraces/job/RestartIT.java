package io.llmtraces.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmtraces.schema.CatalogSettings;
import io.llmtraces.schema.TableSchemas;
import io.llmtraces.sink.Catalogs;
import io.llmtraces.testing.FlinkCluster;
import io.llmtraces.testing.IcebergReader;
import io.llmtraces.testing.KafkaBroker;
import io.llmtraces.testing.TestTraces;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.iceberg.data.Record;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restarts on a real cluster while spans keep arriving: a stop with a savepoint and a new job
 * from it, and a TaskManager killed with SIGKILL and recovered from the last checkpoint. Each
 * time every span sent is in the tables exactly once, every trace once, and the baselines carry
 * on: trace k is judged against the k traces before it, across the restart.
 */
class RestartIT {
  private static final int TRACES = 150;
  private static final long SEND_EVERY_MS = 200;
  /** Baselines judge from this many samples on, so most traces carry a sample count. */
  private static final int MIN_SAMPLES = 5;

  @TempDir static Path tmp;
  private static KafkaBroker kafka;
  private static FlinkCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    kafka = KafkaBroker.start();
    cluster = FlinkCluster.start(tmp.resolve("cluster"), 1, 2, Map.of());
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void stopWithSavepointMidStreamAndResumeLosesAndRepeatsNothing() throws Exception {
    Run run = new Run("savepoint", 2);
    String job = cluster.submit(null, 2, run.jobArgs());
    cluster.awaitState(job, "RUNNING", Duration.ofSeconds(90));
    CompletableFuture<Void> traffic = run.send();
    int before = run.awaitTraces(TRACES / 4);

    String savepoint = cluster.stopWithSavepoint(job);
    assertThat(cluster.jobState(job)).isEqualTo("FINISHED");
    int committedAtStop = run.tables().rows(TableSchemas.TRACES).size();
    Instant restart = Instant.now();
    String resumed = cluster.submit(savepoint, 2, run.jobArgs());
    cluster.awaitState(resumed, "RUNNING", Duration.ofSeconds(90));

    traffic.get(2, TimeUnit.MINUTES);
    run.awaitTraces(TRACES);
    cluster.cancel(resumed);
    assertThat(before).isPositive();
    run.assertEverySpanOnceAndBaselinesContinue(restart, committedAtStop);
  }

  @Test
  void aKilledTaskManagerRecoversFromTheLastCheckpointWithoutLossOrRepeats() throws Exception {
    Run run = new Run("kill", 3);
    String job = cluster.submit(null, 2, run.jobArgs());
    cluster.awaitState(job, "RUNNING", Duration.ofSeconds(90));
    CompletableFuture<Void> traffic = run.send();
    run.awaitTraces(TRACES / 4);
    cluster.awaitCheckpoints(job, 1, Duration.ofSeconds(30));

    ProcessHandle taskManager = cluster.taskManager(1);
    taskManager.destroyForcibly(); // SIGKILL: no shutdown hooks, nothing flushed
    taskManager.onExit().get(30, TimeUnit.SECONDS);
    int committedAtKill = run.tables().rows(TableSchemas.TRACES).size();
    Instant kill = Instant.now();
    cluster.startMissingTaskManagers();

    traffic.get(2, TimeUnit.MINUTES);
    run.awaitTraces(TRACES);
    assertThat(cluster.restoredCheckpoints(job)).as("recovered from a checkpoint").isPositive();
    cluster.cancel(job);
    run.assertEverySpanOnceAndBaselinesContinue(kill, committedAtKill);
  }

  /** One run's topic, warehouse and traces. */
  private static final class Run {
    private final String name;
    private final int id;
    private final Path dataDir;
    private final List<String> traceIds = new ArrayList<>();

    Run(String name, int id) throws Exception {
      this.name = name;
      this.id = id;
      this.dataDir = tmp.resolve(name);
      kafka.createTopic(topic(), 2);
      for (int i = 0; i < TRACES; i++) {
        traceIds.add(TestTraces.traceId(id, i));
      }
    }

    String topic() {
      return "spans_" + name;
    }

    List<String> jobArgs() {
      return List.of(
          "--bootstrap-servers", kafka.bootstrapServers(),
          "--topic", topic(), "--dead-letter-topic", topic() + "_dlq", "--group-id", "job_" + name,
          "--data-dir", dataDir.toString(),
          "--checkpoint-interval-s", "1",
          "--quiet-gap-s", "1",
          "--out-of-orderness-ms", "200",
          "--idle-after-ms", "500",
          "--min-baseline-samples", Integer.toString(MIN_SAMPLES));
    }

    IcebergReader tables() {
      return new IcebergReader(Catalogs.loader(CatalogSettings.hadoop(dataDir.resolve("warehouse").toString())).loadCatalog());
    }

    /** Sends the traces at a steady pace in the background, one record each. */
    CompletableFuture<Void> send() {
      return CompletableFuture.runAsync(() -> {
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
          for (int i = 0; i < TRACES; i++) {
            long start = System.currentTimeMillis() * 1_000_000L;
            byte[] record = TestTraces.trace("acme", traceIds.get(i), start, 200 + (i % 7) * 10).toByteArray();
            producer.send(new ProducerRecord<>(topic(), traceIds.get(i).getBytes(), record));
            Thread.sleep(SEND_EVERY_MS);
          }
          producer.flush();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      });
    }

    int awaitTraces(int count) throws InterruptedException {
      List<Record> rows = tables().awaitRows(TableSchemas.TRACES, r -> r.size() >= count, 180_000);
      assertThat(rows.size()).as("traces committed").isGreaterThanOrEqualTo(count);
      return rows.size();
    }

    void assertEverySpanOnceAndBaselinesContinue(Instant restart, int committedBefore) throws InterruptedException {
      Thread.sleep(3_000); // a commit that would add duplicates has had time to land
      List<Record> traces = tables().rows(TableSchemas.TRACES);
      List<Record> spans = tables().rows(TableSchemas.SPANS);

      assertThat(TestTraces.counts(traces, "trace_id")).as("each trace written once")
          .hasSize(TRACES).allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
      assertThat(traces).extracting(r -> r.getField("trace_id")).containsExactlyInAnyOrderElementsOf(traceIds);
      assertThat(traces).allSatisfy(t -> {
        assertThat(t.getField("version")).isEqualTo(1);
        assertThat(t.getField("span_count")).isEqualTo(TestTraces.SPANS_PER_TRACE);
      });
      List<String> expectedSpans = traceIds.stream().flatMap(t -> TestTraces.spanIds(t).stream().map(s -> t + "/" + s)).toList();
      assertThat(spans).extracting(s -> s.getField("trace_id") + "/" + s.getField("span_id"))
          .as("every span sent, exactly once").containsExactlyInAnyOrderElementsOf(expectedSpans);

      // One scorer per project learns from every trace once: the k-th judged trace saw k before
      // it. A lost or replayed state would repeat or skip counts.
      List<Long> samples = traces.stream().map(t -> (Long) t.getField("baseline_samples")).filter(Objects::nonNull).sorted().toList();
      assertThat(samples).containsExactlyElementsOf(LongStream.range(MIN_SAMPLES, TRACES).boxed().toList());
      List<Long> afterRestart = traces.stream()
          .filter(t -> ((OffsetDateTime) t.getField("ingested_at")).toInstant().isAfter(restart))
          .map(t -> (Long) t.getField("baseline_samples")).toList();
      assertThat(afterRestart).as("traces scored after the restart").isNotEmpty()
          .allSatisfy(n -> assertThat(n).as("no cold start").isGreaterThanOrEqualTo((long) committedBefore));
    }
  }
}
