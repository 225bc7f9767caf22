package io.llmtraces.schema;

import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;

/**
 * Creates the namespace and tables when missing, and adds columns that a newer version of the
 * schema defines to tables an older version created (schema evolution, so an existing warehouse
 * keeps working).
 */
public final class IcebergTables {
  private IcebergTables() {}

  public static void ensure(Catalog catalog) {
    if (catalog instanceof SupportsNamespaces namespaces && !namespaces.namespaceExists(TableSchemas.NAMESPACE)) {
      try {
        namespaces.createNamespace(TableSchemas.NAMESPACE);
      } catch (AlreadyExistsException e) {
        // another job or reader created it first
      }
    }
    ensure(catalog, TableSchemas.TRACES, TableSchemas.TRACES_SCHEMA, TableSchemas.TRACES_PARTITIONING, Map.of());
    ensure(catalog, TableSchemas.SPANS, TableSchemas.SPANS_SCHEMA, TableSchemas.SPANS_PARTITIONING, TableSchemas.SPANS_PROPERTIES);
  }

  private static void ensure(
      Catalog catalog, TableIdentifier id, Schema schema, PartitionSpec spec, Map<String, String> overrides) {
    if (!catalog.tableExists(id)) {
      Map<String, String> properties = new HashMap<>(TableSchemas.TABLE_PROPERTIES);
      properties.putAll(overrides);
      try {
        catalog.createTable(id, schema, spec, properties);
        return;
      } catch (AlreadyExistsException e) {
        // created concurrently: fall through and evolve it like any existing table
      }
    }
    Table table = catalog.loadTable(id);
    boolean missingColumns =
        schema.columns().stream().anyMatch(c -> table.schema().findField(c.name()) == null);
    if (missingColumns) {
      table.updateSchema().unionByNameWith(schema).commit();
    }
  }
}
