package io.llmtraces.schema;

import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.UpdateProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;

/**
 * Creates the namespace and tables when missing, and adds columns that a newer version of the
 * schema defines to tables an older version created (schema evolution, so an existing warehouse
 * keeps working). Table properties a newer version adds are set on such tables too, but a
 * property the table has already keeps its value: an operator may have changed it on purpose.
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
    Map<String, String> missingProperties = new HashMap<>(TableSchemas.TABLE_PROPERTIES);
    missingProperties.putAll(overrides);
    missingProperties.remove("format-version"); // not a property that can be set after creation
    missingProperties.keySet().removeAll(table.properties().keySet());
    if (!missingProperties.isEmpty()) {
      UpdateProperties update = table.updateProperties();
      missingProperties.forEach(update::set);
      update.commit();
    }
  }
}
