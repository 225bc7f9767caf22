package io.llmtraces.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NaturalFaultsTest {
  private static List<TraceView> traces;

  @BeforeAll
  static void generate() {
    traces = TraceView.generate(31, 20_000);
  }

  private static boolean isCall(TraceView.SpanView s) {
    Span.SpanKind kind = s.span().getKind();
    return kind == Span.SpanKind.SPAN_KIND_CLIENT
        || "TOOL".equals(s.str("openinference.span.kind"))
        || "RETRIEVER".equals(s.str("openinference.span.kind"))
        || "execute_tool".equals(s.str("gen_ai.operation.name"));
  }

  @Test
  void aboutHalfAPercentOfCallsFailWithAnExceptionEvent() {
    long calls = 0;
    long failed = 0;
    for (TraceView t : traces) {
      for (TraceView.SpanView s : t.spans) {
        if (!isCall(s)) {
          continue;
        }
        calls++;
        if (s.span().getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR) {
          failed++;
          assertThat(s.span().getEventsList())
              .anySatisfy(e -> assertThat(e.getName()).isEqualTo("exception"));
          assertThat(s.span().getStatus().getMessage()).isNotEmpty();
        }
      }
    }
    double rate = (double) failed / calls;
    // errorRate 0.5 % plus timeouts 0.1 % of model calls.
    assertThat(rate).isBetween(0.004, 0.008);
  }

  @Test
  void everyKindOfNaturalFaultOccursAndIsLabelledNatural() {
    for (FaultType type : FaultType.NATURAL) {
      assertThat(traces.stream().filter(t -> t.hasFault(type)).count())
          .as(type.name())
          .isPositive();
    }
    assertThat(traces.stream().flatMap(t -> t.trace.faults().stream()))
        .allSatisfy(f -> assertThat(f.injected()).isFalse());
  }

  @Test
  void faultsPointAtSpansOfTheTrace() {
    for (TraceView t : traces) {
      for (Fault f : t.trace.faults()) {
        assertThat(t.byId).containsKey(f.spanIdHex());
      }
    }
  }

  @Test
  void emptyResponsesHaveNoOutputTokensAndStatusOk() {
    for (TraceView t : traces) {
      for (Fault f : t.trace.faults()) {
        if (f.type() == FaultType.EMPTY_RESPONSE) {
          TraceView.SpanView s = t.byId.get(f.spanIdHex());
          assertThat(s.span().getStatus().getCode())
              .isNotEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
          Long out =
              s.num("gen_ai.usage.completion_tokens") != null
                  ? s.num("gen_ai.usage.completion_tokens")
                  : s.num("gen_ai.usage.output_tokens") != null
                      ? s.num("gen_ai.usage.output_tokens")
                      : s.num("llm.token_count.completion");
          assertThat(out).isIn(null, 0L); // null when the stream did not report usage
        }
      }
    }
  }

  @Test
  void timeoutsLastExactlyTheClientTimeout() {
    for (TraceView t : traces) {
      for (Fault f : t.trace.faults()) {
        if (f.type() == FaultType.TIMEOUT) {
          TraceView.SpanView s = t.byId.get(f.spanIdHex());
          assertThat(s.durationMs()).isIn(30_000.0, 60_000.0, 120_000.0);
          assertThat(s.span().getStatus().getMessage()).contains("Request timed out.");
        }
      }
    }
  }

  @Test
  void someStreamedCallsReportNoUsage() {
    long streamed = 0;
    long withoutUsage = 0;
    for (TraceView t : traces) {
      for (TraceView.SpanView s : t.spans) {
        boolean stream =
            s.attrs().containsKey("llm.is_streaming")
                || s.attrs().containsKey("gen_ai.request.stream")
                || s.span().getEventsList().stream()
                    .anyMatch(e -> e.getName().equals(OpenInferenceWriter.FIRST_TOKEN_EVENT));
        if (!stream || s.span().getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR) {
          continue;
        }
        streamed++;
        boolean usage =
            s.attrs().containsKey("gen_ai.usage.completion_tokens")
                || s.attrs().containsKey("gen_ai.usage.output_tokens")
                || s.attrs().containsKey("llm.token_count.completion");
        if (!usage) {
          withoutUsage++;
        }
      }
    }
    assertThat(streamed).isGreaterThan(1_000);
    assertThat((double) withoutUsage / streamed).isBetween(0.3, 0.7);
  }
}
