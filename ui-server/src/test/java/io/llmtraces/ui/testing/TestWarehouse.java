package io.llmtraces.ui.testing;

import io.llmtraces.schema.CatalogSettings;
import io.llmtraces.schema.TableSchemas;
import io.llmtraces.ui.UiServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.data.parquet.GenericParquetWriter;

/**
 * Real Iceberg tables on disk, filled with traces and spans the way the job writes them, for
 * API, page and benchmark runs. Rows are given as column-name maps so a test states only what
 * it cares about; {@link TraceRows} fills the rest with what the job would write.
 */
public final class TestWarehouse {
  private final Path dir;
  private final Catalog catalog;

  private TestWarehouse(Path dir, Catalog catalog) {
    this.dir = dir;
    this.catalog = catalog;
  }

  public static TestWarehouse create(Path dir) {
    CatalogSettings settings = CatalogSettings.hadoop(dir.toString());
    Catalog catalog = UiServer.open(settings);
    return new TestWarehouse(dir, catalog);
  }

  public Path dir() {
    return dir;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** Appends trace rows and span rows in one commit per table (one data file per partition). */
  public void append(List<Map<String, Object>> traces, List<Map<String, Object>> spans) {
    append(TableSchemas.TRACES, traces);
    append(TableSchemas.SPANS, spans);
  }

  public void append(TableIdentifier id, List<Map<String, Object>> rows) {
    if (rows.isEmpty()) {
      return;
    }
    Table table = catalog.loadTable(id);
    InternalRecordWrapper wrapper = new InternalRecordWrapper(table.schema().asStruct());
    Map<PartitionKey, List<Record>> byPartition = new LinkedHashMap<>();
    for (Map<String, Object> row : rows) {
      GenericRecord record = GenericRecord.create(table.schema());
      row.forEach((k, v) -> record.setField(k, v instanceof Instant i ? OffsetDateTime.ofInstant(i, ZoneOffset.UTC) : v));
      PartitionKey key = new PartitionKey(table.spec(), table.schema());
      key.partition(wrapper.wrap(record));
      byPartition.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
    }
    AppendFiles append = table.newAppend();
    try {
      for (var e : byPartition.entrySet()) {
        String file = table.locationProvider().newDataLocation(table.spec(), e.getKey(), UUID.randomUUID() + ".parquet");
        OutputFile out = table.io().newOutputFile(file);
        DataWriter<Record> writer =
            Parquet.writeData(out)
                .schema(table.schema())
                .createWriterFunc(GenericParquetWriter::create)
                .setAll(table.properties())
                .withSpec(table.spec())
                .withPartition(e.getKey())
                .overwrite()
                .build();
        try (writer) {
          e.getValue().forEach(writer::write);
        }
        append.appendFile(writer.toDataFile());
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    append.commit();
  }
}
