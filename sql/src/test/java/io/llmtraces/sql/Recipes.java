package io.llmtraces.sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The SQL recipes of {@code docs/sql.md}, by their heading, as the page shows them. */
final class Recipes {
  private static final Pattern RECIPE = Pattern.compile("(?m)^### (.+)$[\\s\\S]*?^```sql\\n([\\s\\S]*?)^```");

  private Recipes() {}

  static Map<String, String> read(Path markdown) throws IOException {
    Map<String, String> recipes = new LinkedHashMap<>();
    Matcher m = RECIPE.matcher(Files.readString(markdown));
    while (m.find()) {
      recipes.put(m.group(1).strip(), m.group(2).strip().replaceAll(";$", ""));
    }
    return recipes;
  }
}
