package io.llmtraces.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

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
