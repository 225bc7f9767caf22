package io.llmtraces.job;

import static io.llmtraces.testing.Otlp.attr;
import static io.llmtraces.testing.Otlp.request;
import static io.llmtraces.testing.Otlp.resource;
import static io.llmtraces.testing.Otlp.span;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmtraces.schema.TableSchemas;
import io.llmtraces.sink.Catalogs;
import io.llmtraces.testing.IcebergReader;
import io.llmtraces.testing.KafkaBroker;
import io.llmtraces.testing.Otlp;
import io.llmtraces.testing.TestClusters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.rest.RESTServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job with `--catalog-type rest`, against Iceberg's own REST catalog server (a JDBC catalog
 * behind it, its warehouse on disk): the tables are created through the REST API, and a trace
 * sent to Kafka is committed and read back through it.
 */
class RestCatalogIT {
  private static final String TOPIC = "otlp_spans";
  private static final String TRACE = "7d3efb1b173fecfa0b3de5b1cf2bd5a2";
  private static final Path WAREHOUSE = createWarehouse();

  @RegisterExtension
  static final MiniClusterExtension FLINK = TestClusters.miniCluster();

  @RegisterExtension
  static final RESTServerExtension REST =
      new RESTServerExtension(
          Map.of(
              RESTServerExtension.FREE_PORT, "true",
              CatalogProperties.WAREHOUSE_LOCATION, WAREHOUSE.toString(),
              // The server's JDBC catalog is an in-memory SQLite database: one per connection, so one connection.
              CatalogProperties.CLIENT_POOL_SIZE, "1"));

  private static KafkaBroker kafka;

  /** Before the server starts, so not a JUnit temporary directory (those come later). */
  private static Path createWarehouse() {
    try {
      return Files.createTempDirectory("rest-warehouse");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = KafkaBroker.start();
    kafka.createTopic(TOPIC, 1);
    kafka.createTopic("otlp_spans_dlq", 1);
  }

  @AfterAll
  static void stopKafka() throws Exception {
    kafka.close();
  }

  @Test
  void theJobCreatesAndWritesItsTablesThroughARestCatalog(@TempDir Path dataDir) throws Exception {
    long base = System.currentTimeMillis() * 1_000_000L;
    kafka.send(TOPIC, Otlp.bytes(TRACE).toByteArray(), request(
        resource("service.name", "support-bot", "iftracer.project", "acme"),
        span(TRACE, "aaaaaaaaaaaaaaaa", null, "chat.workflow", base, 0, 100)
            .addAttributes(attr("traceloop.span.kind", "workflow")).build()).toByteArray());

    JobOptions options =
        JobOptions.parse(
            "--bootstrap-servers", kafka.bootstrapServers(),
            "--data-dir", dataDir.toString(),
            "--catalog-type", "rest",
            "--catalog-uri", REST.client().properties().get(CatalogProperties.URI),
            "--warehouse", WAREHOUSE.toString(),
            "--checkpoint-interval-s", "1",
            "--quiet-gap-s", "1",
            "--out-of-orderness-ms", "200",
            "--idle-after-ms", "500",
            "--parallelism", "1");
    JobClient job = TraceJob.start(TraceJob.environment(options), options);
    try {
      Catalog catalog = Catalogs.loader(options.catalog()).loadCatalog();
      assertThat(catalog.getClass().getSimpleName()).isEqualTo("RESTCatalog");
      List<Record> traces = new IcebergReader(catalog).awaitRows(TableSchemas.TRACES, rows -> !rows.isEmpty(), 90_000);
      assertThat(traces).singleElement().satisfies(t -> {
        assertThat(t.getField("trace_id")).isEqualTo(TRACE);
        assertThat(t.getField("project")).isEqualTo("acme");
      });
      assertThat(new IcebergReader(catalog).awaitRows(TableSchemas.SPANS, rows -> !rows.isEmpty(), 30_000)).hasSize(1);
      // The server's own client sees the same tables: the job went through the REST API.
      assertThat(REST.client().listTables(Namespace.of("llm_traces")))
          .contains(TableIdentifier.of("llm_traces", "traces"), TableIdentifier.of("llm_traces", "spans"));
    } finally {
      job.cancel().get();
    }
  }
}
