package io.llmtraces.ingest;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One span's attributes by key, built once per span so each canonical field is a few hash
 * look-ups rather than a scan. Duplicate keys (invalid OTLP) keep the first value.
 */
final class SpanAttributes {
  private final Map<String, AnyValue> byKey;
  private final int maxChars;

  SpanAttributes(List<KeyValue> attributes, int maxChars) {
    this.maxChars = maxChars;
    this.byKey = new HashMap<>(Math.max(16, attributes.size() * 4 / 3 + 1));
    for (int i = 0, n = attributes.size(); i < n; i++) {
      KeyValue kv = attributes.get(i);
      byKey.putIfAbsent(kv.getKey(), kv.getValue());
    }
  }

  AnyValue get(String key) {
    return byKey.get(key);
  }

  boolean has(String key) {
    return byKey.containsKey(key);
  }

  /** True when any of the keys is present with a non-blank value. */
  boolean hasAny(String[] keys) {
    return text(keys) != null;
  }

  /** Text of one key, cut to the value limit; null when absent or blank. */
  String text(String key) {
    return AnyValues.text(byKey.get(key), maxChars);
  }

  /** Text of the first key present with a non-blank value. */
  String text(String[] keys) {
    for (String key : keys) {
      String v = text(key);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** The first key whose value reads as a count in [0, max]; values outside are unusable. */
  Long count(String[] keys, long max) {
    for (String key : keys) {
      AnyValue v = byKey.get(key);
      if (v != null) {
        Long n = AnyValues.integer(v);
        if (n != null && n >= 0 && n <= max) {
          return n;
        }
      }
    }
    return null;
  }

  /** The first key whose value reads as a flag. */
  Boolean flag(String[] keys) {
    for (String key : keys) {
      AnyValue v = byKey.get(key);
      if (v != null) {
        Boolean b = AnyValues.flag(v);
        if (b != null) {
          return b;
        }
      }
    }
    return null;
  }

  Double decimal(String key) {
    AnyValue v = byKey.get(key);
    return v == null ? null : AnyValues.decimal(v);
  }
}
