package io.llmtraces.demo;

import io.llmtraces.model.SpanKind;

/**
 * One instrumented application process: its resource and the instrumentations it runs.
 *
 * @param name {@code service.name}
 * @param projectAttribute the {@code iftracer.project} resource attribute, or null when the project
 *     is known only by {@code service.name}
 * @param decoratorFamily convention of workflow/task/agent/tool spans, or null when the service has
 *     no decorator SDK and {@code modelFamily} writes everything
 * @param modelFamily convention of model calls (and of every span when there is no decorator SDK)
 * @param captureContent false when the service runs with content capture off ({@code
 *     TRACELOOP_TRACE_CONTENT=false}): no prompts or completions at all
 * @param clientTimeoutMs the model client's request timeout
 */
public record ServiceSpec(
    String name,
    String projectAttribute,
    Family decoratorFamily,
    Family modelFamily,
    boolean captureContent,
    long clientTimeoutMs) {

  /** The project a receiver would file this service's spans under. */
  public String project() {
    return projectAttribute != null ? projectAttribute : name;
  }

  /** The convention a span of this kind is written in by this service. */
  public Family familyFor(SpanKind kind) {
    if (decoratorFamily == null || kind == SpanKind.LLM || kind == SpanKind.EMBEDDING) {
      return modelFamily;
    }
    return decoratorFamily;
  }
}
