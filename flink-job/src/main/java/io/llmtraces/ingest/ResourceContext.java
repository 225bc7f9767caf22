package io.llmtraces.ingest;

import io.llmtraces.otlp.Strings;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import java.util.List;

/**
 * What every span of one resource shares, computed once per resource rather than per span:
 * project, service, the {@code resource.*} attribute entries and the resource's span_json part.
 *
 * <p>The project is resource attribute {@code iftracer.project} (stamped by the OTLP receiver
 * from the {@code iftracer_project} header), else {@code service.name}, else "unknown".
 */
final class ResourceContext {
  static final String PROJECT_KEY = "iftracer.project";
  static final String SERVICE_KEY = "service.name";
  static final String PREFIX = "resource.";

  final String project;
  final String service;
  /** Prefixed keys and stringified values, at most maxAttributes, without project and service. */
  final String[] keys;
  final String[] values;
  final SpanJson.Fragments json;

  private ResourceContext(
      String project, String service, String[] keys, String[] values, SpanJson.Fragments json) {
    this.project = project;
    this.service = service;
    this.keys = keys;
    this.values = values;
    this.json = json;
  }

  static ResourceContext of(Resource resource, NormalizerLimits limits, SpanJson spanJson) {
    List<KeyValue> attributes = resource.getAttributesList();
    int maxChars = limits.maxValueChars();
    String projectAttr = null;
    String service = null;
    int n = Math.min(attributes.size(), limits.maxAttributes());
    String[] keys = new String[n];
    String[] values = new String[n];
    int kept = 0;
    for (KeyValue kv : attributes) {
      String key = kv.getKey();
      if (key.equals(PROJECT_KEY)) {
        projectAttr = projectAttr == null ? AnyValues.text(kv.getValue(), maxChars) : projectAttr;
      } else if (key.equals(SERVICE_KEY)) {
        service = service == null ? AnyValues.text(kv.getValue(), maxChars) : service;
      } else if (kept < n) {
        keys[kept] = Strings.truncate(PREFIX + key, maxChars);
        values[kept] = AnyValues.stringify(kv.getValue(), maxChars);
        kept++;
      }
    }
    String project =
        projectAttr != null ? projectAttr.trim() : service != null ? service.trim() : "unknown";
    return new ResourceContext(
        project,
        service != null ? service.trim() : "unknown_service",
        java.util.Arrays.copyOf(keys, kept),
        java.util.Arrays.copyOf(values, kept),
        spanJson.fragments(resource));
  }
}
