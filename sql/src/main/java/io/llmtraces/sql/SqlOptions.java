package io.llmtraces.sql;

import io.llmtraces.schema.CatalogSettings;
import io.llmtraces.schema.CommandLine;
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
    // -e is --execute; every option takes a value, so names are at even positions.
    String[] named = args.clone();
    for (int i = 0; i < named.length; i += 2) {
      if (named[i].equals("-e")) {
        named[i] = "--execute";
      }
    }
    CommandLine a = CommandLine.parse(named, KNOWN.keySet(), false);
    return new SqlOptions(a.catalog(), a.get("execute"), a.get("time-zone", "UTC"));
  }
}
