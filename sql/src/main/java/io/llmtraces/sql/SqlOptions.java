package io.llmtraces.sql;

import io.llmtraces.schema.CatalogSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@code scripts/sql} can be told, read once from its arguments. The catalog options are
 * the job's ({@code flink-job/README.md}), so one set of settings reaches the same tables.
 *
 * @param catalog the Iceberg catalog ({@code hadoop} at {@code <data-dir>/warehouse})
 * @param statements statements to run, separated by {@code ;} ({@code -e}); null reads stdin
 * @param timeZone the session time zone in which timestamps print and hours and days are cut
 *     ({@code UTC})
 */
public record SqlOptions(CatalogSettings catalog, String statements, String timeZone) {

  static final Map<String, String> KNOWN =
      Map.of(
          "data-dir", "base of the default warehouse",
          "catalog-type", "hadoop, rest or jdbc",
          "warehouse", "warehouse location",
          "catalog-uri", "REST URI or JDBC URL",
          "time-zone", "session time zone",
          "execute", "statements to run (also -e)");

  public static SqlOptions parse(String... args) {
    Map<String, String> a = new HashMap<>();
    Map<String, String> catalogProps = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i].equals("-e") ? "--execute" : args[i];
      if (!name.startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value or -e STATEMENTS, got " + args[i]);
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
    return new SqlOptions(
        new CatalogSettings(type, warehouse, a.get("catalog-uri"), catalogProps),
        a.get("execute"),
        a.getOrDefault("time-zone", "UTC"));
  }
}
