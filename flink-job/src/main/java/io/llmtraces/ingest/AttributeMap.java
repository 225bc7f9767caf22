package io.llmtraces.ingest;

import io.llmtraces.otlp.Strings;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the bounded {@code attributes} column: span attributes not held by a canonical field
 * (prompt and completion content never included), then {@code resource.}-prefixed resource
 * attributes, first come first kept, values stringified and cut to the value limit.
 */
final class AttributeMap {
  private AttributeMap() {}

  static Map<String, String> of(
      List<KeyValue> spanAttributes, ResourceContext resource, NormalizerLimits limits) {
    int max = limits.maxAttributes();
    int maxChars = limits.maxValueChars();
    Map<String, String> out =
        new HashMap<>(Math.min(max, spanAttributes.size() + resource.keys.length) * 4 / 3 + 1);
    for (int i = 0, n = spanAttributes.size(); i < n && out.size() < max; i++) {
      KeyValue kv = spanAttributes.get(i);
      String key = kv.getKey();
      if (!AttributeKeys.isMapped(key)) {
        out.putIfAbsent(Strings.truncate(key, maxChars), AnyValues.stringify(kv.getValue(), maxChars));
      }
    }
    for (int i = 0; i < resource.keys.length && out.size() < max; i++) {
      out.putIfAbsent(resource.keys[i], resource.values[i]);
    }
    return out;
  }
}
