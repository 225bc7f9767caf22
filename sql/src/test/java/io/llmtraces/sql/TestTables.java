package io.llmtraces.sql;

import io.llmtraces.schema.CatalogSettings;
import io.llmtraces.schema.IcebergTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * The job's tables in a warehouse on disk, filled with rows given as column maps; a required
 * column a test leaves out gets a neutral value (empty, zero, false), so tests state only what
 * their query reads.
 */
final class TestTables {
  private final Catalog catalog;

  TestTables(CatalogSettings settings) {
    this.catalog =
        CatalogLoader.custom(CatalogSettings.CATALOG_NAME, settings.catalogProperties(), new Configuration(), settings.implementation())
            .loadCatalog();
    IcebergTables.ensure(catalog);
  }

  /** One commit, one data file per partition. */
  void append(TableIdentifier id, List<Map<String, Object>> rows) {
    Table table = catalog.loadTable(id);
    InternalRecordWrapper wrapper = new InternalRecordWrapper(table.schema().asStruct());
    Map<PartitionKey, List<Record>> byPartition = new LinkedHashMap<>();
    for (Map<String, Object> row : rows) {
      Record record = GenericRecord.create(table.schema());
      for (Types.NestedField f : table.schema().columns()) {
        Object v = row.containsKey(f.name()) ? row.get(f.name()) : f.isRequired() ? neutral(f.type()) : null;
        record.setField(f.name(), v instanceof Instant i ? OffsetDateTime.ofInstant(i, ZoneOffset.UTC) : v);
      }
      PartitionKey key = new PartitionKey(table.spec(), table.schema());
      key.partition(wrapper.wrap(record));
      byPartition.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
    }
    AppendFiles append = table.newAppend();
    try {
      for (var e : byPartition.entrySet()) {
        String path = table.locationProvider().newDataLocation(table.spec(), e.getKey(), UUID.randomUUID() + ".parquet");
        DataWriter<Record> writer =
            Parquet.writeData(table.io().newOutputFile(path))
                .schema(table.schema())
                .createWriterFunc(GenericParquetWriter::create)
                .withSpec(table.spec())
                .withPartition(e.getKey())
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

  private static Object neutral(Type type) {
    return switch (type.typeId()) {
      case STRING -> "";
      case INTEGER -> 0;
      case LONG -> 0L;
      case DOUBLE -> 0.0;
      case BOOLEAN -> false;
      case TIMESTAMP -> OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC);
      case LIST -> List.of();
      case MAP -> Map.of();
      default -> throw new IllegalArgumentException("no neutral value for " + type);
    };
  }
}
