package io.llmtraces.ui.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceSplitterTest {
  private static final String T1 = "0af7651916cd43dd8448eb211c80319c";
  private static final String T2 = "4bf92f3577b34da6a3ce929d0e0e4736";

  static ByteString id(String hex) {
    return ByteString.copyFrom(HexFormat.of().parseHex(hex));
  }

  static KeyValue kv(String k, String v) {
    return KeyValue.newBuilder().setKey(k).setValue(AnyValue.newBuilder().setStringValue(v)).build();
  }

  static Span span(String trace, String spanId, String name) {
    return Span.newBuilder().setTraceId(id(trace)).setSpanId(id(spanId)).setName(name).build();
  }

  private static ResourceSpans resource(String service, String scope, Span... spans) {
    return ResourceSpans.newBuilder()
        .setResource(Resource.newBuilder().addAttributes(kv("service.name", service)).addAttributes(kv("iftracer.project", "spoofed")))
        .addScopeSpans(ScopeSpans.newBuilder().setScope(InstrumentationScope.newBuilder().setName(scope)).addAllSpans(List.of(spans)))
        .build();
  }

  private static ExportTraceServiceRequest parse(TraceRecord r) throws Exception {
    return ExportTraceServiceRequest.parseFrom(r.value());
  }

  @Test
  void onePerTraceKeyedByHexIdWithResourceAndScopeKeptAndProjectStamped() throws Exception {
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(resource("chat", "openai", span(T1, "00000000000000a1", "a"), span(T2, "00000000000000b1", "b")))
            .addResourceSpans(resource("rag", "langchain", span(T1, "00000000000000a2", "c")))
            .build();
    TraceSplitter.Split split = TraceSplitter.split(request, "acme", 1 << 20);

    assertThat(split.rejectedSpans()).isZero();
    assertThat(split.acceptedSpans()).isEqualTo(3);
    assertThat(split.records()).hasSize(2);
    TraceRecord first = split.records().get(0);
    assertThat(new String(first.key(), StandardCharsets.US_ASCII)).isEqualTo(T1);
    assertThat(first.spans()).isEqualTo(2);
    ExportTraceServiceRequest t1 = parse(first);
    assertThat(t1.getResourceSpansList()).hasSize(2);
    assertThat(t1.getResourceSpans(0).getScopeSpans(0).getScope().getName()).isEqualTo("openai");
    assertThat(t1.getResourceSpans(1).getScopeSpans(0).getScope().getName()).isEqualTo("langchain");
    for (ResourceSpans rs : t1.getResourceSpansList()) {
      List<KeyValue> projects = rs.getResource().getAttributesList().stream().filter(a -> a.getKey().equals("iftracer.project")).toList();
      assertThat(projects).as("the client's value is replaced, not added to").hasSize(1);
      assertThat(projects.get(0).getValue().getStringValue()).isEqualTo("acme");
    }
    assertThat(new String(split.records().get(1).key(), StandardCharsets.US_ASCII)).isEqualTo(T2);
    assertThat(parse(split.records().get(1)).getResourceSpans(0).getScopeSpans(0).getSpans(0).getName()).isEqualTo("b");
  }

  @Test
  void withoutAProjectResourcesStayAsSent() throws Exception {
    ExportTraceServiceRequest request = ExportTraceServiceRequest.newBuilder().addResourceSpans(resource("chat", "s", span(T1, "00000000000000a1", "a"))).build();
    TraceRecord r = TraceSplitter.split(request, null, 1 << 20).records().get(0);
    assertThat(parse(r)).isEqualTo(request);
  }

  @Test
  void spansWithoutValidIdsAreRejectedTheRestKept() {
    Span noTrace = Span.newBuilder().setSpanId(id("00000000000000a1")).setName("no-trace").build();
    Span zeroTrace = span("0".repeat(32), "00000000000000a2", "zero-trace");
    Span zeroSpan = span(T1, "0000000000000000", "zero-span");
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(resource("chat", "s", noTrace, zeroTrace, zeroSpan, span(T1, "00000000000000a3", "ok")))
            .build();
    TraceSplitter.Split split = TraceSplitter.split(request, "acme", 1 << 20);
    assertThat(split.rejectedSpans()).isEqualTo(3);
    assertThat(split.acceptedSpans()).isEqualTo(1);
    assertThat(split.rejectMessage()).startsWith("3 of 4 spans rejected: trace id is empty or all zeros (span \"no-trace\")");
    assertThat(split.records()).hasSize(1);
  }

  @Test
  void aBigTraceIsCutIntoRecordsUnderTheLimitOnOneKey() throws Exception {
    ScopeSpans.Builder ss = ScopeSpans.newBuilder();
    for (int i = 0; i < 100; i++) {
      ss.addSpans(span(T1, String.format("%016x", i + 1), "s" + i).toBuilder().addAttributes(kv("body", "x".repeat(1000))));
    }
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(ss)).build();
    TraceSplitter.Split split = TraceSplitter.split(request, "acme", 10_000);
    assertThat(split.records().size()).isBetween(10, 15);
    int spans = 0;
    for (TraceRecord r : split.records()) {
      assertThat(r.value().length).isLessThanOrEqualTo(10_000);
      assertThat(new String(r.key(), StandardCharsets.US_ASCII)).isEqualTo(T1);
      assertThat(parse(r).getResourceSpans(0).getScopeSpans(0).getSpansCount()).isEqualTo(r.spans());
      spans += r.spans();
    }
    assertThat(spans).isEqualTo(100);
  }

  @Test
  void anEmptyRequestMakesNoRecords() {
    assertThat(TraceSplitter.split(ExportTraceServiceRequest.getDefaultInstance(), "acme", 1000).records()).isEmpty();
  }
}
