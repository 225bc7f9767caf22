package io.llmtraces.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.otlp.Otlp;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: run the normalizer with default limits and collect its output. */
final class Normalize {
  private Normalize() {}

  static List<NormalizedSpan> all(ExportTraceServiceRequest request) {
    List<NormalizedSpan> out = new ArrayList<>();
    new SpanNormalizer().normalize(request, out::add);
    return out;
  }

  static NormalizedSpan one(ExportTraceServiceRequest request) {
    List<NormalizedSpan> out = all(request);
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  static NormalizedSpan one(Span.Builder span) {
    return one(Otlp.request(span.build()));
  }

  static long utf8(String... texts) {
    long sum = 0;
    for (String t : texts) {
      sum += t.getBytes(StandardCharsets.UTF_8).length;
    }
    return sum;
  }
}
