package io.llmtraces.bench;

import com.google.protobuf.ByteString;
import io.llmtraces.demo.DemoTraffic;
import io.llmtraces.demo.DemoTrafficConfig;
import io.llmtraces.demo.GeneratedTrace;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * Demo traffic (natural faults included) without the few traces whose root span was never
 * exported. The job closes such a trace only {@code --max-open-s} (300 s) after its first span, so
 * one of them among the last records would make the benchmark measure that timeout instead of the
 * pipeline. They are counted, not sent.
 */
final class RootedTraffic {
  private final DemoTraffic traffic;
  long skippedTraces;
  long skippedSpans;

  RootedTraffic(long seed) {
    this.traffic = new DemoTraffic(DemoTrafficConfig.defaults(seed));
  }

  /** The next trace that has its root, starting at {@code startMicros}. */
  GeneratedTrace next(long startMicros) {
    while (true) {
      GeneratedTrace trace = traffic.next(startMicros);
      if (hasRoot(trace)) {
        return trace;
      }
      skippedTraces++;
      skippedSpans += trace.spanCount();
    }
  }

  static boolean hasRoot(GeneratedTrace trace) {
    for (ExportTraceServiceRequest request : trace.requests()) {
      for (ResourceSpans rs : request.getResourceSpansList()) {
        for (ScopeSpans ss : rs.getScopeSpansList()) {
          for (Span span : ss.getSpansList()) {
            if (isUnset(span.getParentSpanId())) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  // The job's rule: an empty or all-zero parent span id means a root span.
  private static boolean isUnset(ByteString id) {
    for (int i = 0; i < id.size(); i++) {
      if (id.byteAt(i) != 0) {
        return false;
      }
    }
    return true;
  }
}
