package io.llmtraces.demo;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * One generated trace as SDKs would export it, with the faults put into it.
 *
 * @param project the project a receiver should file it under
 * @param workflow the root's entity name (also when the root itself was not exported)
 * @param traceIdHex 32 lower-case hex characters
 * @param startMicros when the root started
 * @param lastSpanEndMicros the latest end among the exported spans
 * @param spanCount exported spans (spans an exception cut off are not counted)
 * @param exports the requests, in the order they are sent
 * @param faults natural faults and injected anomalies, empty for a clean trace
 */
public record GeneratedTrace(
    String project,
    String workflow,
    String traceIdHex,
    long startMicros,
    long lastSpanEndMicros,
    int spanCount,
    List<SpanExport> exports,
    List<Fault> faults) {

  public GeneratedTrace {
    exports = List.copyOf(exports);
    faults = List.copyOf(faults);
  }

  /** The OTLP requests, in the order they are sent. */
  public List<ExportTraceServiceRequest> requests() {
    List<ExportTraceServiceRequest> out = new ArrayList<>(exports.size());
    for (SpanExport e : exports) {
      out.add(e.request());
    }
    return out;
  }

  /** Every exported span, request by request. */
  public List<Span> spans() {
    List<Span> out = new ArrayList<>(spanCount);
    for (SpanExport e : exports) {
      for (ResourceSpans rs : e.request().getResourceSpansList()) {
        for (ScopeSpans ss : rs.getScopeSpansList()) {
          out.addAll(ss.getSpansList());
        }
      }
    }
    return out;
  }
}
