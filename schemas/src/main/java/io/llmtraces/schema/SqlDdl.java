package io.llmtraces.schema;

import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Renders the table schemas as SQL DDL (Spark SQL with Iceberg, which also reads as Trino's
 * dialect for the column types), plus the view that shows only the newest version of each
 * trace. The checked-in {@code llm_traces.sql} must equal this output (a test says so).
 */
public final class SqlDdl {
  /**
   * Readers that want one row per trace use this view: the highest version wins; of rows of the
   * same version (a span later than the job's late retention starts its trace over as a version 1
   * of its own), the one with more spans.
   */
  public static final String TRACES_LATEST_VIEW =
      """
      CREATE VIEW llm_traces.traces_latest AS
      SELECT * FROM (
        SELECT t.*, ROW_NUMBER() OVER (PARTITION BY project, trace_id ORDER BY version DESC, span_count DESC) AS version_rank
        FROM llm_traces.traces t
      ) WHERE version_rank = 1;
      """;

  private SqlDdl() {}

  public static String render() {
    return "-- Generated from io.llmtraces.schema.TableSchemas; a test keeps this file equal to the code.\n\n"
        + createTable(TableSchemas.TRACES, TableSchemas.TRACES_SCHEMA, TableSchemas.TRACES_PARTITIONING, Map.of())
        + "\n"
        + createTable(TableSchemas.SPANS, TableSchemas.SPANS_SCHEMA, TableSchemas.SPANS_PARTITIONING, TableSchemas.SPANS_PROPERTIES)
        + "\n"
        + TRACES_LATEST_VIEW;
  }

  static String createTable(TableIdentifier id, Schema schema, PartitionSpec spec, Map<String, String> overrides) {
    StringBuilder sql = new StringBuilder("CREATE TABLE ").append(id).append(" (\n");
    StringJoiner columns = new StringJoiner(",\n");
    for (Types.NestedField f : schema.columns()) {
      columns.add(
          "  " + f.name() + " " + sqlType(f.type()) + (f.isRequired() ? " NOT NULL" : "")
              + " COMMENT '" + f.doc().replace("'", "''") + "'");
    }
    sql.append(columns).append("\n) USING iceberg\nPARTITIONED BY (");
    StringJoiner parts = new StringJoiner(", ");
    for (PartitionField p : spec.fields()) {
      String source = schema.findColumnName(p.sourceId());
      String transform = p.transform().toString();
      // Spark and Trino spell Iceberg's time transforms in the plural: days(start_time).
      parts.add(transform.equals("identity") ? source : transform + "s(" + source + ")");
    }
    sql.append(parts).append(")\nTBLPROPERTIES (");
    StringJoiner props = new StringJoiner(", ");
    Map<String, String> sorted = new TreeMap<>(TableSchemas.TABLE_PROPERTIES);
    sorted.putAll(overrides);
    sorted.forEach((k, v) -> props.add("'" + k + "'='" + v + "'"));
    return sql.append(props).append(");\n").toString();
  }

  static String sqlType(Type type) {
    return switch (type.typeId()) {
      case STRING -> "STRING";
      case INTEGER -> "INT";
      case LONG -> "BIGINT";
      case DOUBLE -> "DOUBLE";
      case BOOLEAN -> "BOOLEAN";
      case TIMESTAMP -> ((Types.TimestampType) type).shouldAdjustToUTC() ? "TIMESTAMP" : "TIMESTAMP_NTZ";
      case LIST -> "ARRAY<" + sqlType(type.asListType().elementType()) + ">";
      case MAP -> "MAP<" + sqlType(type.asMapType().keyType()) + ", " + sqlType(type.asMapType().valueType()) + ">";
      default -> throw new IllegalArgumentException("no SQL type for " + type);
    };
  }

  public static void main(String[] args) {
    System.out.print(render());
  }
}
