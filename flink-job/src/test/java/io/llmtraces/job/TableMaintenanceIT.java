package io.llmtraces.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmtraces.schema.TableSchemas;
import io.llmtraces.sink.Catalogs;
import io.llmtraces.testing.IcebergReader;
import io.llmtraces.testing.KafkaBroker;
import io.llmtraces.testing.TestTraces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * MaintenanceJob beside TraceJob under a steady stream with a commit every second: the data files
 * of each partition stay few instead of growing by two per checkpoint, old snapshots go, a
 * compaction's snapshot holds exactly the rows of the one before it, every span sent is read
 * back once, and both jobs keep running throughout.
 */
class TableMaintenanceIT {
  private static final String TOPIC = "otlp_spans";
  private static final int TRACES = 400;
  private static final List<String> PROJECTS = List.of("acme", "globex");
  /** Without maintenance each of the ~45 commits adds a file per writer (2) and partition. */
  private static final int MAX_FILES_PER_PARTITION = 24;

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(3)
              .setConfiguration(noRestarts())
              .build());

  @Test
  void theDirectoryCatalogIsRefused() {
    JobOptions options = JobOptions.parse("--warehouse", "/tmp/w");
    assertThatThrownBy(() -> MaintenanceJob.define(null, options)).hasMessageContaining("atomic commits");
  }

  @Test
  void filesStayFewSnapshotsExpireAndRowsStayTheSame(@TempDir Path dataDir) throws Exception {
    try (KafkaBroker kafka = KafkaBroker.start()) {
      kafka.createTopic(TOPIC, 2);
      JobOptions options = JobOptions.parse(
          "--bootstrap-servers", kafka.bootstrapServers(),
          "--data-dir", dataDir.toString(),
          "--catalog-type", "jdbc",
          "--catalog-uri", "jdbc:sqlite:" + dataDir.resolve("catalog.db"),
          "--warehouse", dataDir.resolve("warehouse").toString(),
          "--checkpoint-interval-s", "1",
          "--quiet-gap-s", "1",
          "--out-of-orderness-ms", "200",
          "--idle-after-ms", "500",
          "--parallelism", "2",
          "--compact-every-commits", "5",
          "--expire-every-commits", "5",
          "--retain-snapshots", "5",
          "--snapshot-retention-h", "0.001",
          "--maintenance-rate-limit-s", "2",
          "--target-file-mb", "16");
      JobClient job = TraceJob.start(TraceJob.environment(options), options);
      JobClient maintenance = MaintenanceJob.start(MaintenanceJob.environment(options), options);
      Catalog catalog = Catalogs.loader(options.catalog()).loadCatalog();
      List<String> traceIds = new ArrayList<>();
      Map<TableIdentifier, Integer> maxFiles = new HashMap<>();
      Set<TableIdentifier> compactionsChecked = new HashSet<>();
      try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
        for (int i = 0; i < TRACES; i++) {
          String id = TestTraces.traceId(5, i);
          traceIds.add(id);
          long start = System.currentTimeMillis() * 1_000_000L;
          producer.send(new ProducerRecord<>(TOPIC, TestTraces.trace(PROJECTS.get(i % 2), id, start, 300).toByteArray()));
          Thread.sleep(100);
          if (i % 20 == 19) {
            for (TableIdentifier t : List.of(TableSchemas.TRACES, TableSchemas.SPANS)) {
              Table table = catalog.loadTable(t);
              maxFiles.merge(t, Collections.max(filesPerPartition(table).values(), Integer::compare), Math::max);
              if (compactionKeptRows(table)) {
                compactionsChecked.add(t);
              }
            }
          }
        }
      }

      IcebergReader tables = new IcebergReader(catalog);
      List<Record> spans = tables.awaitRows(TableSchemas.SPANS, r -> r.size() >= TRACES * TestTraces.SPANS_PER_TRACE, 90_000);
      List<Record> traces = tables.awaitRows(TableSchemas.TRACES, r -> r.size() >= TRACES, 30_000);
      assertThat(job.getJobStatus().get()).as("maintenance did not break the job").isEqualTo(JobStatus.RUNNING);
      assertThat(maintenance.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
      job.cancel().get();
      maintenance.cancel().get();

      assertThat(maxFiles).as("most data files a partition had while spans arrived").hasSize(2)
          .allSatisfy((t, n) -> assertThat(n).isBetween(1, MAX_FILES_PER_PARTITION));
      assertThat(compactionsChecked).as("a compaction's snapshot read back the same rows")
          .containsExactlyInAnyOrder(TableSchemas.TRACES, TableSchemas.SPANS);
      for (TableIdentifier t : List.of(TableSchemas.TRACES, TableSchemas.SPANS)) {
        Table table = catalog.loadTable(t);
        assertThat(table.snapshots()).as("snapshots of %s after expiry", t).hasSizeLessThan(20);
        assertThat(filesPerPartition(table)).hasSize(2);
      }
      assertThat(TestTraces.counts(traces, "trace_id")).hasSize(TRACES).allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
      assertThat(spans).extracting(s -> s.getField("trace_id") + "/" + s.getField("span_id"))
          .containsExactlyInAnyOrderElementsOf(
              traceIds.stream().flatMap(t -> TestTraces.spanIds(t).stream().map(s -> t + "/" + s)).toList());
    }
  }

  /** Live data files per partition of the current snapshot. */
  private static Map<String, Integer> filesPerPartition(Table table) {
    Map<String, Integer> files = new HashMap<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      tasks.forEach(t -> files.merge(table.spec().partitionToPath(t.file().partition()), 1, Integer::sum));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files.isEmpty() ? Map.of("", 0) : files;
  }

  /**
   * Finds the newest compaction ("replace") snapshot whose parent is still there and compares the
   * rows of both; false when there is none to compare yet.
   */
  private static boolean compactionKeptRows(Table table) {
    Snapshot rewrite = null;
    for (Snapshot s : table.snapshots()) {
      if ("replace".equals(s.operation()) && s.parentId() != null && table.snapshot(s.parentId()) != null) {
        rewrite = s;
      }
    }
    if (rewrite == null) {
      return false;
    }
    List<String> before;
    List<String> after;
    try {
      before = rows(table, rewrite.parentId());
      after = rows(table, rewrite.snapshotId());
    } catch (RuntimeException e) {
      return false; // expired (and its files deleted) while we read: compare a later one
    }
    assertThat(after).isEqualTo(before);
    return true;
  }

  private static List<String> rows(Table table, long snapshotId) {
    List<String> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).useSnapshot(snapshotId).build()) {
      records.forEach(r -> rows.add(r.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Collections.sort(rows);
    return rows;
  }

  private static Configuration noRestarts() {
    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    return conf;
  }
}
