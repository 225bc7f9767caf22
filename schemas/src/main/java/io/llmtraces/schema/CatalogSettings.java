package io.llmtraces.schema;

import java.util.HashMap;
import java.util.Map;

/**
 * Which Iceberg catalog holds the tables; the job and the page server read the same settings.
 *
 * @param type {@code hadoop} (a directory: the default), {@code rest} (an Iceberg REST catalog:
 *     {@code uri}, {@code warehouse}, credentials in {@code properties}) or {@code jdbc} (a JDBC
 *     database such as SQLite: {@code uri} is the JDBC URL)
 * @param warehouse the warehouse location (a path or an object-store URI)
 * @param uri the REST endpoint or JDBC URL; unused for hadoop
 * @param properties further catalog properties passed as they are ({@code credential},
 *     {@code token}, {@code io-impl}, {@code s3.endpoint}, {@code jdbc.user}, ...)
 */
public record CatalogSettings(String type, String warehouse, String uri, Map<String, String> properties) {
  public static final String CATALOG_NAME = "llm_traces_catalog";

  public CatalogSettings {
    properties = Map.copyOf(properties);
    switch (type) {
      case "hadoop" -> require(warehouse, "warehouse");
      case "rest", "jdbc" -> require(uri, "uri");
      default -> throw new IllegalArgumentException("catalog type must be hadoop, rest or jdbc, not " + type);
    }
  }

  public static CatalogSettings hadoop(String warehouse) {
    return new CatalogSettings("hadoop", warehouse, null, Map.of());
  }

  /** The catalog class to load. */
  public String implementation() {
    return switch (type) {
      case "hadoop" -> "org.apache.iceberg.hadoop.HadoopCatalog";
      case "rest" -> "org.apache.iceberg.rest.RESTCatalog";
      default -> "org.apache.iceberg.jdbc.JdbcCatalog";
    };
  }

  /** The properties to initialize it with. */
  public Map<String, String> catalogProperties() {
    Map<String, String> props = new HashMap<>(properties);
    if (warehouse != null) {
      props.put("warehouse", warehouse);
    }
    if (uri != null) {
      props.put("uri", uri);
    }
    if (type.equals("jdbc")) {
      // Iceberg's newer JDBC schema needs features SQLite lacks; V1 works everywhere.
      props.putIfAbsent("jdbc.schema-version", "V1");
    }
    return props;
  }

  private static void require(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("catalog option " + name + " is required");
    }
  }
}
