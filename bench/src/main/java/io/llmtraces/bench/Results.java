package io.llmtraces.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of a benchmark run as {@code key=value} lines in one file: each phase (its own JVM)
 * adds its keys, the report reads them all.
 */
final class Results {
  private final Path file;
  private final Map<String, String> values = new TreeMap<>();

  Results(Path file) throws IOException {
    this.file = file;
    if (Files.exists(file)) {
      java.util.Properties p = new java.util.Properties();
      try (Reader r = Files.newBufferedReader(file)) {
        p.load(r);
      }
      p.forEach((k, v) -> values.put((String) k, (String) v));
    }
  }

  void put(String key, long value) {
    values.put(key, Long.toString(value));
  }

  void put(String key, double value) {
    values.put(key, String.format(Locale.ROOT, "%.3f", value));
  }

  void put(String key, String value) {
    values.put(key, value);
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  String text(String key) {
    String v = values.get(key);
    if (v == null) {
      throw new IllegalStateException("no result " + key + " in " + file);
    }
    return v;
  }

  double number(String key) {
    return Double.parseDouble(text(key));
  }

  void save() throws IOException {
    java.util.Properties p = new java.util.Properties();
    p.putAll(values);
    try (Writer w = Files.newBufferedWriter(file)) {
      p.store(w, "scripts/bench-pipeline results");
    }
  }
}
