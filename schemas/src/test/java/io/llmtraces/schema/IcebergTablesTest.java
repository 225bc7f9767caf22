package io.llmtraces.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables on disk: created when missing, and evolved when an older version of the job made them. */
class IcebergTablesTest {

  @Test
  void createsBothTablesWithTheirPartitioning(@TempDir Path warehouse) {
    Catalog catalog = new HadoopCatalog(new Configuration(), warehouse.toString());
    IcebergTables.ensure(catalog);
    Table traces = catalog.loadTable(TableSchemas.TRACES);
    assertThat(shape(traces.schema())).isEqualTo(shape(TableSchemas.TRACES_SCHEMA));
    assertThat(traces.spec().fields()).extracting(f -> f.name()).containsExactly("project", "start_time_day");
    assertThat(shape(catalog.loadTable(TableSchemas.SPANS).schema())).isEqualTo(shape(TableSchemas.SPANS_SCHEMA));
    IcebergTables.ensure(catalog); // idempotent
  }

  @Test
  void anOlderWarehouseGainsTheNewColumns(@TempDir Path warehouse) {
    Catalog catalog = new HadoopCatalog(new Configuration(), warehouse.toString());
    // The tables as the pipeline's first version created them: no anomaly columns.
    Schema oldTraces = new Schema(TableSchemas.TRACES_SCHEMA.columns().stream().filter(c -> c.fieldId() <= 23).toList());
    Schema oldSpans = new Schema(TableSchemas.SPANS_SCHEMA.columns().stream().filter(c -> c.fieldId() <= 39).toList());
    ((org.apache.iceberg.catalog.SupportsNamespaces) catalog).createNamespace(TableSchemas.NAMESPACE);
    catalog.createTable(TableSchemas.TRACES, oldTraces, PartitionSpec.builderFor(oldTraces).identity("project").day("start_time").build(), Map.of());
    catalog.createTable(TableSchemas.SPANS, oldSpans, PartitionSpec.builderFor(oldSpans).identity("project").day("start_time").build(), Map.of());

    IcebergTables.ensure(catalog);

    Schema traces = catalog.loadTable(TableSchemas.TRACES).schema();
    assertThat(traces.findField("anomaly_score")).isNotNull();
    assertThat(traces.findField("anomaly_types")).isNotNull();
    assertThat(catalog.loadTable(TableSchemas.SPANS).schema().findField("anomaly_explanation")).isNotNull();
    assertThat(shape(traces)).isEqualTo(shape(TableSchemas.TRACES_SCHEMA));
  }

  @Test
  void anOlderWarehouseGainsNewPropertiesButKeepsTheOnesItSet(@TempDir Path warehouse) {
    Catalog catalog = new HadoopCatalog(new Configuration(), warehouse.toString());
    ((org.apache.iceberg.catalog.SupportsNamespaces) catalog).createNamespace(TableSchemas.NAMESPACE);
    catalog.createTable(TableSchemas.TRACES, TableSchemas.TRACES_SCHEMA, TableSchemas.TRACES_PARTITIONING, Map.of());
    catalog.createTable(TableSchemas.SPANS, TableSchemas.SPANS_SCHEMA, TableSchemas.SPANS_PARTITIONING,
        Map.of("parquet.enable.dictionary", "true"));

    IcebergTables.ensure(catalog);

    Map<String, String> spans = catalog.loadTable(TableSchemas.SPANS).properties();
    assertThat(spans).containsEntry("write.parquet.stats-enabled.column.span_json", "false")
        .containsEntry("write.parquet.compression-codec", "zstd")
        .containsEntry("write.parquet.compression-level", "1")
        .containsEntry("parquet.enable.dictionary", "true");
    assertThat(catalog.loadTable(TableSchemas.TRACES).properties())
        .containsEntry("write.parquet.bloom-filter-enabled.column.trace_id", "true");
  }

  /** Column names, types and nullability in order; Iceberg assigns its own field ids on create. */
  private static java.util.List<String> shape(Schema schema) {
    return schema.columns().stream().map(c -> c.name() + ":" + c.type().typeId() + ":" + c.isOptional()).toList();
  }
}
