package io.llmtraces.schema;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} options of a command line (the job's, the page server's, {@code
 * scripts/sql}'s), and the catalog they name: one parser, so that the three read the catalog
 * options ({@code --catalog-type}, {@code --warehouse}, {@code --catalog-uri}, {@code
 * --catalog.property.K V}, {@code --data-dir}) the same way.
 *
 * @param values the known options given, by name without the dashes
 * @param catalogProperties the {@code --catalog.property.K V} options, by {@code K}
 */
public record CommandLine(Map<String, String> values, Map<String, String> catalogProperties) {
  private static final String CATALOG_PROPERTY = "catalog.property.";

  public CommandLine {
    values = Map.copyOf(values);
    catalogProperties = Map.copyOf(catalogProperties);
  }

  /**
   * Reads {@code args}; an option not in {@code known} (and not a catalog property) is refused
   * with the list of known ones.
   *
   * @param bareFlags whether an option may stand alone ({@code --local}), meaning {@code true};
   *     else every option takes a value
   */
  public static CommandLine parse(String[] args, Set<String> known, boolean bareFlags) {
    Map<String, String> values = new HashMap<>();
    Map<String, String> properties = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (!name.startsWith("--") || (!bareFlags && i + 1 >= args.length)) {
        throw new IllegalArgumentException((bareFlags ? "expected --name, got " : "expected --name value, got ") + name);
      }
      name = name.substring(2);
      String value = !bareFlags || (i + 1 < args.length && !args[i + 1].startsWith("--")) ? args[++i] : "true";
      if (name.startsWith(CATALOG_PROPERTY)) {
        properties.put(name.substring(CATALOG_PROPERTY.length()), value);
      } else if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name + "; known: " + known);
      } else {
        values.put(name, value);
      }
    }
    return new CommandLine(values, properties);
  }

  public String get(String name, String dflt) {
    return values.getOrDefault(name, dflt);
  }

  public String get(String name) {
    return values.get(name);
  }

  /** {@code --data-dir}, absolute; {@code ./data} by default. */
  public Path dataDir() {
    return Path.of(get("data-dir", "data")).toAbsolutePath();
  }

  /** The catalog: {@code hadoop} at {@code <data-dir>/warehouse} unless told otherwise. */
  public CatalogSettings catalog() {
    String type = get("catalog-type", "hadoop");
    String warehouse = get("warehouse", type.equals("hadoop") ? dataDir().resolve("warehouse").toString() : null);
    return new CatalogSettings(type, warehouse, get("catalog-uri"), catalogProperties);
  }
}
