package io.llmtraces.ui;

import io.llmtraces.schema.CatalogSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything the page server can be told, read once from {@code --name value} arguments.
 *
 * @param host the address to listen on ({@code 127.0.0.1}: the demo is local-only)
 * @param port the page and API port ({@code 8080})
 * @param catalog the Iceberg catalog with the tables ({@code hadoop} at {@code ./data/warehouse})
 */
public record UiOptions(String host, int port, CatalogSettings catalog) {

  static final Map<String, String> KNOWN =
      Map.of(
          "host", "address to listen on",
          "port", "page and API port",
          "data-dir", "base of the default warehouse",
          "catalog-type", "hadoop, rest or jdbc",
          "warehouse", "warehouse location",
          "catalog-uri", "REST URI or JDBC URL");

  public static UiOptions parse(String... args) {
    Map<String, String> a = new HashMap<>();
    Map<String, String> catalogProps = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (!name.startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value, got " + name);
      }
      name = name.substring(2);
      String value = args[++i];
      if (name.startsWith("catalog.property.")) {
        catalogProps.put(name.substring("catalog.property.".length()), value);
      } else if (!KNOWN.containsKey(name)) {
        throw new IllegalArgumentException("unknown option --" + name + "; known: " + KNOWN.keySet());
      } else {
        a.put(name, value);
      }
    }
    String type = a.getOrDefault("catalog-type", "hadoop");
    Path dataDir = Path.of(a.getOrDefault("data-dir", "data")).toAbsolutePath();
    String warehouse = a.getOrDefault("warehouse", type.equals("hadoop") ? dataDir.resolve("warehouse").toString() : null);
    return new UiOptions(
        a.getOrDefault("host", "127.0.0.1"),
        Integer.parseInt(a.getOrDefault("port", "8080")),
        new CatalogSettings(type, warehouse, a.get("catalog-uri"), catalogProps));
  }
}
