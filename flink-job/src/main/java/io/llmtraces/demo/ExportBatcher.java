package io.llmtraces.demo;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Groups a trace's spans into the requests each service's batch span processor would send: spans
 * leave when they end, on a 5 s timer or when 512 are queued. A short trace usually goes out in one
 * request per service; a long one, or one that straddles a tick, has its children sent before its
 * root.
 */
final class ExportBatcher {
  static final long SCHEDULE_DELAY_MICROS = 5_000_000; // OTEL_BSP_SCHEDULE_DELAY default
  static final int MAX_EXPORT_BATCH = 512; // OTEL_BSP_MAX_EXPORT_BATCH_SIZE default

  private final Map<ServiceSpec, Resource> resources = new HashMap<>();
  private final Map<String, InstrumentationScope> scopes = new HashMap<>();

  List<SpanExport> batch(
      List<SpanRenderer.Rendered> spans, long traceStartMicros, RandomGenerator rng) {
    Map<ServiceSpec, List<SpanRenderer.Rendered>> byService = new LinkedHashMap<>();
    for (SpanRenderer.Rendered r : spans) {
      byService.computeIfAbsent(r.service(), s -> new ArrayList<>()).add(r);
    }
    List<SpanExport> exports = new ArrayList<>(byService.size());
    for (Map.Entry<ServiceSpec, List<SpanRenderer.Rendered>> e : byService.entrySet()) {
      // Each process's timer ticks at its own phase, unrelated to when the trace began.
      long origin = traceStartMicros - rng.nextLong(SCHEDULE_DELAY_MICROS);
      List<SpanRenderer.Rendered> ended = e.getValue();
      ended.sort(Comparator.comparingLong(SpanRenderer.Rendered::endMicros));
      int from = 0;
      while (from < ended.size()) {
        long tick = nextTick(origin, ended.get(from).endMicros());
        int to = from;
        while (to < ended.size()
            && to - from < MAX_EXPORT_BATCH
            && nextTick(origin, ended.get(to).endMicros()) == tick) {
          to++;
        }
        exports.add(request(e.getKey(), ended.subList(from, to), tick));
        from = to;
      }
    }
    exports.sort(Comparator.comparingLong(SpanExport::sentAtMicros));
    return exports;
  }

  private static long nextTick(long origin, long endMicros) {
    long periods =
        Math.floorDiv(endMicros - origin + SCHEDULE_DELAY_MICROS - 1, SCHEDULE_DELAY_MICROS);
    return origin + periods * SCHEDULE_DELAY_MICROS;
  }

  private SpanExport request(ServiceSpec service, List<SpanRenderer.Rendered> spans, long tick) {
    Map<String, ScopeSpans.Builder> byScope = new LinkedHashMap<>();
    for (SpanRenderer.Rendered r : spans) {
      byScope
          .computeIfAbsent(r.scope(), name -> ScopeSpans.newBuilder().setScope(scope(name)))
          .addSpans(r.span());
    }
    ResourceSpans.Builder resourceSpans = ResourceSpans.newBuilder().setResource(resource(service));
    for (ScopeSpans.Builder scopeSpans : byScope.values()) {
      resourceSpans.addScopeSpans(scopeSpans);
    }
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.newBuilder().addResourceSpans(resourceSpans).build();
    return new SpanExport(tick, service.name(), spans.size(), request);
  }

  private Resource resource(ServiceSpec service) {
    return resources.computeIfAbsent(service, ExportBatcher::buildResource);
  }

  private static Resource buildResource(ServiceSpec service) {
    Resource.Builder r =
        Resource.newBuilder()
            .addAttributes(Attrs.kv("service.name", service.name()))
            .addAttributes(Attrs.kv("service.version", "1.4.2"))
            .addAttributes(Attrs.kv("deployment.environment.name", "production"))
            .addAttributes(Attrs.kv("telemetry.sdk.name", "opentelemetry"))
            .addAttributes(Attrs.kv("telemetry.sdk.language", "python"))
            .addAttributes(Attrs.kv("telemetry.sdk.version", "1.38.0"));
    if (service.projectAttribute() != null) {
      r.addAttributes(Attrs.kv("iftracer.project", service.projectAttribute()));
    }
    return r.build();
  }

  private InstrumentationScope scope(String name) {
    return scopes.computeIfAbsent(
        name, n -> InstrumentationScope.newBuilder().setName(n).setVersion(versionOf(n)).build());
  }

  private static String versionOf(String scope) {
    if (scope.startsWith("iftracer")) {
      return "0.1.9";
    } else if (scope.startsWith("traceloop")) {
      return "0.50.1";
    } else if (scope.startsWith("openinference")) {
      return "0.1.41";
    } else if (scope.endsWith("openai_v2")) {
      return "2.1b0";
    } else if (scope.startsWith("opentelemetry.instrumentation")) {
      return "0.50.1";
    }
    return "";
  }
}
