package io.llmtraces.demo;

import io.llmtraces.model.SpanKind;

/**
 * Which spans a labelled scenario acts on: the generator's view of a baseline key.
 *
 * @param service the span's {@code service.name}
 * @param kind the span's kind
 * @param entityName the span's entity (tool, retriever, function) name; null for any
 * @param model the requested model name; null for any
 */
public record SpanKey(String service, SpanKind kind, String entityName, String model) {

  /** True when {@code span} is one of this key's spans. */
  public boolean matches(SpanPlan span) {
    return span.service().name().equals(service)
        && span.kind() == kind
        && (entityName == null || entityName.equals(span.entityName()))
        && (model == null || (span.model() != null && model.equals(span.model().name())));
  }

  @Override
  public String toString() {
    return service
        + "/"
        + kind.name().toLowerCase()
        + (entityName == null ? "" : "/" + entityName)
        + (model == null ? "" : "/" + model);
  }
}
