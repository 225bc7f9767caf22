package io.llmtraces.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.parquet.column.values.bloomfilter.BloomFilter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;

/** Reads whole Iceberg tables back for assertions, waiting for commits that are still coming. */
public final class IcebergReader {
  private final Catalog catalog;

  public IcebergReader(Catalog catalog) {
    this.catalog = catalog;
  }

  public List<Record> rows(TableIdentifier id) {
    Table table = catalog.loadTable(id);
    List<Record> rows = new ArrayList<>();
    if (table.currentSnapshot() == null) {
      return rows;
    }
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      records.forEach(r -> rows.add(r.copy()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return rows;
  }

  /**
   * The size in bytes of the {@code trace_id} bloom filter of every row group of every data file
   * in the table (-1 where a row group has none). Local warehouses only.
   */
  public List<Integer> traceIdBloomFilterBytes(TableIdentifier id) throws java.io.IOException {
    Table table = catalog.loadTable(id);
    List<Integer> sizes = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      for (FileScanTask task : tasks) {
        String location = task.file().location();
        java.nio.file.Path path = location.startsWith("file:") ? java.nio.file.Path.of(java.net.URI.create(location)) : java.nio.file.Path.of(location);
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(path))) {
          for (BlockMetaData rowGroup : reader.getFooter().getBlocks()) {
            ColumnChunkMetaData traceId =
                rowGroup.getColumns().stream().filter(c -> c.getPath().toDotString().equals("trace_id")).findFirst().orElseThrow();
            BloomFilter filter = reader.readBloomFilter(traceId);
            sizes.add(filter == null ? -1 : filter.getBitsetSize());
          }
        }
      }
    }
    return sizes;
  }

  /** Polls the table until the rows satisfy the condition; returns the last rows read. */
  public List<Record> awaitRows(TableIdentifier id, Predicate<List<Record>> done, long timeoutMs)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    List<Record> rows = rows(id);
    while (!done.test(rows) && System.currentTimeMillis() < deadline) {
      Thread.sleep(250);
      rows = rows(id);
    }
    return rows;
  }
}
