package io.llmtraces.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} options of one benchmark phase; every option a phase reads must be given or have a default. */
final class Args {
  private final Map<String, String> values = new HashMap<>();

  Args(String[] args, int from) {
    for (int i = from; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      values.put(args[i].substring(2), args[++i]);
    }
  }

  String get(String name) {
    String v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return v;
  }

  String get(String name, String dflt) {
    return values.getOrDefault(name, dflt);
  }

  long getLong(String name, long dflt) {
    return Long.parseLong(values.getOrDefault(name, Long.toString(dflt)));
  }

  double getDouble(String name, double dflt) {
    return Double.parseDouble(values.getOrDefault(name, Double.toString(dflt)));
  }
}
