package io.llmtraces.sql;

import io.llmtraces.schema.CatalogSettings;
import io.llmtraces.schema.IcebergTables;
import io.llmtraces.schema.SqlDdl;
import io.llmtraces.schema.TableSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.hadoop.conf.Configuration;

/**
 * A Flink SQL session in this JVM (batch mode) with the Iceberg catalog registered and selected,
 * and {@code traces_latest}, the newest version of each trace, as a view.
 */
public final class SqlSession {
  private final TableEnvironment env;

  private SqlSession(TableEnvironment env) {
    this.env = env;
  }

  public static SqlSession open(CatalogSettings catalog, String timeZone) {
    // The tables exist before the job's first commit, so queries work on an empty warehouse too.
    IcebergTables.ensure(
        CatalogLoader.custom(CatalogSettings.CATALOG_NAME, catalog.catalogProperties(), new Configuration(), catalog.implementation())
            .loadCatalog());
    TableEnvironment env = TableEnvironment.create(EnvironmentSettings.newInstance().inBatchMode().build());
    env.getConfig().set("table.local-time-zone", timeZone);
    env.executeSql(createCatalog(catalog));
    env.executeSql("USE CATALOG " + CatalogSettings.CATALOG_NAME);
    env.executeSql("USE " + TableSchemas.NAMESPACE);
    // Iceberg's Flink catalog keeps no views: the schema's view is defined for this session.
    env.executeSql(SqlDdl.TRACES_LATEST_VIEW.strip().replaceFirst("^CREATE VIEW", "CREATE TEMPORARY VIEW").replaceAll(";$", ""));
    return new SqlSession(env);
  }

  /** The DDL that registers the catalog: what a Flink SQL client user types to reach the tables. */
  static String createCatalog(CatalogSettings catalog) {
    Map<String, String> props = new TreeMap<>(catalog.catalogProperties());
    props.put("type", "iceberg");
    props.put("catalog-impl", catalog.implementation());
    return "CREATE CATALOG " + CatalogSettings.CATALOG_NAME + " WITH ("
        + props.entrySet().stream()
            .map(e -> quote(e.getKey()) + " = " + quote(e.getValue()))
            .collect(Collectors.joining(", "))
        + ")";
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** Runs one statement; a query's rows are read from the result. */
  public TableResult execute(String statement) {
    return env.executeSql(statement);
  }

  /** Runs a query and collects its rows (tests, small results). */
  public List<Row> query(String sql) throws Exception {
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> it = env.executeSql(sql).collect()) {
      it.forEachRemaining(rows::add);
    }
    return rows;
  }
}
