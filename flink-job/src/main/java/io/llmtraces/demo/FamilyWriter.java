package io.llmtraces.demo;

import io.opentelemetry.proto.trace.v1.Span;

/** Writes a planned span in one attribute convention: its name, attributes and own events. */
interface FamilyWriter {
  /** The span name this convention gives the span. */
  String name(SpanPlan span);

  /** The instrumentation scope (tracer name) that would have produced the span. */
  String scope(SpanPlan span);

  /** Adds the convention's attributes, and events such as the first streamed chunk. */
  void write(SpanPlan span, TracePlan trace, Span.Builder out);
}
