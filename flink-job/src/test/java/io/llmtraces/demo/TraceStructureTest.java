package io.llmtraces.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TraceStructureTest {
  private static List<TraceView> traces;

  @BeforeAll
  static void generate() {
    traces = TraceView.generate(11, 2_000);
  }

  @Test
  void idsHaveTheRightLengthAndAreUnique() {
    Set<String> traceIds = new HashSet<>();
    for (TraceView t : traces) {
      assertThat(t.trace.traceIdHex()).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
      assertThat(traceIds.add(t.trace.traceIdHex())).isTrue();
      assertThat(t.byId).hasSize(t.spans.size()); // no span id twice
      for (TraceView.SpanView s : t.spans) {
        Span span = s.span();
        assertThat(span.getTraceId().size()).isEqualTo(16);
        assertThat(TraceView.hex(span.getTraceId())).isEqualTo(t.trace.traceIdHex());
        assertThat(span.getSpanId().size()).isEqualTo(8);
        assertThat(span.getParentSpanId().size()).isIn(0, 8);
      }
    }
  }

  @Test
  void completeTracesHaveOneRootAndEveryParent() {
    int complete = 0;
    for (TraceView t : traces) {
      if (t.hasFault(FaultType.UNEXPORTED_SPANS)) {
        continue;
      }
      complete++;
      assertThat(t.roots()).hasSize(1);
      assertThat(t.roots().get(0).span().getStartTimeUnixNano() / 1000)
          .isEqualTo(t.trace.startMicros());
      for (TraceView.SpanView s : t.spans) {
        if (!s.span().getParentSpanId().isEmpty()) {
          assertThat(t.byId).containsKey(s.parentId());
        }
      }
    }
    assertThat(complete).isGreaterThan(1_900);
  }

  @Test
  void tracesThatLostSpansToAnEscapedExceptionHaveDanglingParents() {
    for (TraceView t : traces) {
      if (t.hasFault(FaultType.UNEXPORTED_SPANS)) {
        long dangling =
            t.spans.stream()
                .filter(s -> !s.span().getParentSpanId().isEmpty())
                .filter(s -> !t.byId.containsKey(s.parentId()))
                .count();
        assertThat(dangling).isPositive();
        assertThat(t.roots()).hasSizeLessThanOrEqualTo(1);
      }
    }
  }

  @Test
  void childrenLieWithinTheirParents() {
    for (TraceView t : traces) {
      for (TraceView.SpanView s : t.spans) {
        Span span = s.span();
        assertThat(span.getEndTimeUnixNano()).isGreaterThan(span.getStartTimeUnixNano());
        TraceView.SpanView parent = t.byId.get(s.parentId());
        if (parent != null) {
          assertThat(span.getStartTimeUnixNano())
              .isGreaterThanOrEqualTo(parent.span().getStartTimeUnixNano());
          assertThat(span.getEndTimeUnixNano())
              .isLessThanOrEqualTo(parent.span().getEndTimeUnixNano());
        }
      }
    }
  }

  @Test
  void spanCountsAndTimesAgreeWithTheSpans() {
    for (TraceView t : traces) {
      assertThat(t.spans).hasSize(t.trace.spanCount());
      assertThat(t.trace.spans()).hasSize(t.trace.spanCount());
      long lastEnd =
          t.spans.stream().mapToLong(s -> s.span().getEndTimeUnixNano() / 1000).max().orElseThrow();
      assertThat(t.trace.lastSpanEndMicros()).isEqualTo(lastEnd);
      assertThat(t.trace.exports().stream().mapToInt(SpanExport::spanCount).sum())
          .isEqualTo(t.trace.spanCount());
    }
  }

  @Test
  void requestsLeaveAfterTheirSpansEndAndInOrder() {
    int rootInALaterRequest = 0; // children sent first, the root in a later request
    for (TraceView t : traces) {
      long previous = Long.MIN_VALUE;
      for (SpanExport export : t.trace.exports()) {
        assertThat(export.sentAtMicros()).isGreaterThanOrEqualTo(previous);
        previous = export.sentAtMicros();
        assertThat(export.request().getResourceSpansCount()).isEqualTo(1);
        for (Span span : TraceView.spansOf(export)) {
          assertThat(span.getEndTimeUnixNano() / 1000).isLessThanOrEqualTo(export.sentAtMicros());
        }
      }
      List<SpanExport> exports = t.trace.exports();
      if (exports.size() > 1 && !t.roots().isEmpty()) {
        Span root = t.roots().get(0).span();
        if (TraceView.spansOf(exports.get(exports.size() - 1)).contains(root)) {
          rootInALaterRequest++;
        }
      }
    }
    assertThat(rootInALaterRequest).isGreaterThan(100);
  }

  @Test
  void sizesAreMostlySmallAndRarelyLarge() {
    int small = 0;
    int large = 0;
    List<TraceView> many = TraceView.generate(12, 6_000);
    for (TraceView t : many) {
      int n = t.trace.spanCount();
      if (n >= 3 && n <= 40) {
        small++;
      } else if (n >= 100) {
        large++;
      }
    }
    assertThat(small).isGreaterThan(many.size() * 9 / 10);
    assertThat(large).isBetween(1, many.size() / 100);
  }

  @Test
  void spansCarryResourceServiceAndTraceSessionIds() {
    for (TraceView t : traces) {
      for (TraceView.SpanView s : t.spans) {
        assertThat(s.resource()).containsKey("service.name");
        String project =
            s.resource().getOrDefault("iftracer.project", s.resource().get("service.name"));
        assertThat(project).isEqualTo(t.trace.project());
      }
      boolean session =
          t.spans.stream()
              .anyMatch(
                  s ->
                      s.attrs().containsKey("session.id")
                          || s.attrs().containsKey("gen_ai.conversation.id")
                          || s.attrs().containsKey("iftracer.association.properties.session_id")
                          || s.attrs().containsKey("traceloop.association.properties.session_id"));
      assertThat(session).as("session id in %s", t.trace.workflow()).isTrue();
    }
  }
}
