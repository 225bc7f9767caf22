package io.llmtraces.sink;

import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.flink.CatalogLoader;

/**
 * Which Iceberg catalog holds the tables.
 *
 * @param type {@code hadoop} (a directory: the default, {@code ./data/warehouse}), {@code rest}
 *     (an Iceberg REST catalog: {@code uri}, {@code warehouse}, credentials in {@code properties})
 *     or {@code jdbc} (a JDBC database, for example SQLite: {@code uri} is the JDBC URL)
 * @param warehouse the warehouse location (a path or an object-store URI)
 * @param uri the REST endpoint or JDBC URL; unused for hadoop
 * @param properties further catalog properties passed as they are ({@code credential},
 *     {@code token}, {@code io-impl}, {@code s3.endpoint}, {@code jdbc.user}, ...)
 */
public record CatalogOptions(String type, String warehouse, String uri, Map<String, String> properties) {
  public static final String CATALOG_NAME = "llm_traces_catalog";

  public CatalogOptions {
    properties = Map.copyOf(properties);
    switch (type) {
      case "hadoop" -> require(warehouse, "warehouse");
      case "rest", "jdbc" -> require(uri, "uri");
      default -> throw new IllegalArgumentException("catalog type must be hadoop, rest or jdbc, not " + type);
    }
  }

  public static CatalogOptions hadoop(String warehouse) {
    return new CatalogOptions("hadoop", warehouse, null, Map.of());
  }

  /** A serializable recipe for the catalog, as Flink operators need it. */
  public CatalogLoader loader() {
    Map<String, String> props = new HashMap<>(properties);
    if (warehouse != null) {
      props.put(CatalogProperties.WAREHOUSE_LOCATION, warehouse);
    }
    if (uri != null) {
      props.put(CatalogProperties.URI, uri);
    }
    Configuration hadoopConf = new Configuration();
    return switch (type) {
      case "hadoop" -> CatalogLoader.hadoop(CATALOG_NAME, hadoopConf, props);
      case "rest" -> CatalogLoader.rest(CATALOG_NAME, hadoopConf, props);
      default -> {
        // Iceberg's newer JDBC schema needs features SQLite lacks; V1 works everywhere.
        props.putIfAbsent("jdbc.schema-version", "V1");
        yield CatalogLoader.custom(CATALOG_NAME, props, hadoopConf, "org.apache.iceberg.jdbc.JdbcCatalog");
      }
    };
  }

  private static void require(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("catalog option " + name + " is required");
    }
  }
}
