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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.data.Record;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded job jar on a real standalone Flink cluster (separate JobManager and TaskManager
 * processes, started by scripts/cluster), submitted through the REST API: spans sent to Kafka
 * land in the Iceberg tables.
 */
class ClusterSubmitIT {
  private static final String TOPIC = "otlp_spans";
  private static final int TRACES = 20;

  @Test
  void theJobJarRunsOnAStandaloneClusterAndWritesTheTables(@TempDir Path tmp) throws Exception {
    Path warehouse = tmp.resolve("data");
    try (KafkaBroker kafka = KafkaBroker.start();
        FlinkCluster cluster = FlinkCluster.start(tmp.resolve("cluster"), 1, 2, Map.of())) {
      kafka.createTopic(TOPIC, 2);
      String job = cluster.submit(null, 2, List.of(
          "--bootstrap-servers", kafka.bootstrapServers(),
          "--data-dir", warehouse.toString(),
          "--checkpoint-interval-s", "1",
          "--quiet-gap-s", "1",
          "--out-of-orderness-ms", "200",
          "--idle-after-ms", "500"));
      cluster.awaitState(job, "RUNNING", Duration.ofSeconds(60));

      long base = System.currentTimeMillis() * 1_000_000L;
      List<String> traceIds = new ArrayList<>();
      try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
        for (int i = 0; i < TRACES; i++) {
          String id = TestTraces.traceId(1, i);
          traceIds.add(id);
          producer.send(new ProducerRecord<>(TOPIC, TestTraces.trace("acme", id, base, 300 + i).toByteArray()));
        }
      }

      IcebergReader tables = new IcebergReader(Catalogs.loader(CatalogSettings.hadoop(warehouse.resolve("warehouse").toString())).loadCatalog());
      List<Record> traces = tables.awaitRows(TableSchemas.TRACES, rows -> rows.size() >= TRACES, 90_000);
      List<Record> spans = tables.awaitRows(TableSchemas.SPANS, rows -> rows.size() >= TRACES * 3, 30_000);
      assertThat(traces).extracting(r -> r.getField("trace_id")).containsExactlyInAnyOrderElementsOf(traceIds);
      assertThat(traces).allSatisfy(t -> {
        assertThat(t.getField("project")).isEqualTo("acme");
        assertThat(t.getField("span_count")).isEqualTo(TestTraces.SPANS_PER_TRACE);
        assertThat(t.getField("models")).isEqualTo(List.of("gpt-4o"));
        assertThat(t.getField("root_missing")).isEqualTo(false);
      });
      assertThat(spans).hasSize(TRACES * TestTraces.SPANS_PER_TRACE);
      assertThat(TestTraces.counts(spans, "span_id").values()).containsOnly(1L);
      assertThat(cluster.completedCheckpoints(job)).isPositive();
      cluster.cancel(job);
    }
  }
}
