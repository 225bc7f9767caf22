package io.llmtraces.demo;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;

/**
 * One request an SDK's batch span processor would send: one service's spans that ended in the same
 * export interval.
 *
 * @param sentAtMicros when the processor sends it (the first export tick after its spans ended)
 * @param serviceName the {@code service.name} of its resource
 * @param spanCount the spans it carries
 * @param request the OTLP request
 */
public record SpanExport(
    long sentAtMicros, String serviceName, int spanCount, ExportTraceServiceRequest request) {}
