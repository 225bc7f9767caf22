package io.llmtraces.sink;

import io.llmtraces.schema.TableSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.maintenance.api.ExpireSnapshots;
import org.apache.iceberg.flink.maintenance.api.RewriteDataFiles;
import org.apache.iceberg.flink.maintenance.api.TableMaintenance;

/**
 * Iceberg's table maintenance for each table: compaction of the small files that every
 * checkpoint adds, and expiry of old snapshots. It watches the tables' commits, concurrently
 * with the writers, and uses a lock kept in Flink's state: one job maintains these tables.
 */
public final class TableCare {
  /** Operator uid suffixes: fixed, so that savepoints map the maintenance state back. */
  static final String UID_PREFIX = "maintenance-";

  private TableCare() {}

  public static void append(StreamExecutionEnvironment env, CatalogLoader catalog, MaintenanceOptions o) {
    for (TableIdentifier table : new TableIdentifier[] {TableSchemas.TRACES, TableSchemas.SPANS}) {
      try {
        TableMaintenance.forTable(env, TableLoader.fromCatalog(catalog, table))
            .uidSuffix(UID_PREFIX + table.name())
            .rateLimit(o.rateLimit())
            .lockCheckDelay(o.rateLimit())
            .parallelism(1)
            .add(RewriteDataFiles.builder()
                .scheduleOnCommitCount(o.compactEveryCommits())
                .targetFileSizeBytes(o.targetFileBytes()))
            .add(ExpireSnapshots.builder()
                .scheduleOnCommitCount(o.expireEveryCommits())
                .maxSnapshotAge(o.snapshotRetention())
                .retainLast(o.retainSnapshots()))
            .append();
      } catch (IOException e) {
        throw new UncheckedIOException("could not add maintenance of " + table, e);
      }
    }
  }
}
