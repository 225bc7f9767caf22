package io.llmtraces.bench;

import io.llmtraces.schema.TableSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.CloseableIterable;

/** The job's tables, read as any reader would: the Hadoop catalog at {@code <data-dir>/warehouse}. */
final class Tables implements AutoCloseable {
  private final HadoopCatalog catalog;

  Tables(String warehouse) {
    this.catalog = new HadoopCatalog(new Configuration(), warehouse);
  }

  /** Loads a table, waiting up to {@code timeoutMs} for the job to create it. */
  Table await(TableIdentifier id, long timeoutMs) throws InterruptedException {
    long until = System.currentTimeMillis() + timeoutMs;
    while (!catalog.tableExists(id)) {
      if (System.currentTimeMillis() > until) {
        throw new IllegalStateException("table " + id + " was not created within " + timeoutMs + " ms");
      }
      Thread.sleep(250);
    }
    return catalog.loadTable(id);
  }

  Table spans() throws InterruptedException {
    return await(TableSchemas.SPANS, 120_000);
  }

  Table traces() throws InterruptedException {
    return await(TableSchemas.TRACES, 120_000);
  }

  /** Rows in the table's current snapshot (its summary's {@code total-records}); 0 before the first. */
  static long totalRecords(Table table) {
    Snapshot s = table.currentSnapshot();
    return s == null ? 0 : Long.parseLong(s.summary().getOrDefault("total-records", "0"));
  }

  /** Snapshots committed after {@code afterSnapshotId} (null: all), oldest first. */
  static List<Snapshot> newSnapshots(Table table, Long afterSnapshotId) {
    List<Snapshot> out = new ArrayList<>();
    for (Snapshot s = table.currentSnapshot(); s != null; s = s.parentId() == null ? null : table.snapshot(s.parentId())) {
      if (afterSnapshotId != null && s.snapshotId() == afterSnapshotId) {
        break;
      }
      out.add(s);
    }
    Collections.reverse(out);
    return out;
  }

  /** The rows a snapshot appended, only the given columns. */
  static void appended(Table table, Snapshot snapshot, Consumer<Record> rows, String... columns) {
    IcebergGenerics.ScanBuilder scan = IcebergGenerics.read(table).select(columns);
    scan = snapshot.parentId() == null
        ? scan.useSnapshot(snapshot.snapshotId())
        : scan.appendsBetween(snapshot.parentId(), snapshot.snapshotId());
    try (CloseableIterable<Record> it = scan.build()) {
      it.forEach(rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    catalog.close();
  }
}
