package io.llmtraces.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LatencyModelTest {
  private static List<TraceView> traces;

  @BeforeAll
  static void generate() {
    traces = TraceView.generate(41, 5_000);
  }

  /** Durations of successful gpt-4o calls by output tokens, from the OpenLLMetry attributes. */
  private static double meanDurationMs(String model, long minTokens, long maxTokens) {
    double sum = 0;
    int n = 0;
    for (TraceView t : traces) {
      for (TraceView.SpanView s : t.spans) {
        Long out = s.num("gen_ai.usage.completion_tokens");
        if (model.equals(s.str("gen_ai.request.model"))
            && out != null
            && s.span().getKind() == Span.SpanKind.SPAN_KIND_CLIENT
            && s.span().getStatus().getCode() != Status.StatusCode.STATUS_CODE_ERROR
            && out >= minTokens
            && out < maxTokens) {
          sum += s.durationMs();
          n++;
        }
      }
    }
    assertThat(n)
        .as("%s calls with %d-%d output tokens", model, minTokens, maxTokens)
        .isGreaterThan(30);
    return sum / n;
  }

  @Test
  void latencyGrowsWithOutputTokens() {
    double short_ = meanDurationMs("gpt-4o", 0, 100);
    double medium = meanDurationMs("gpt-4o", 150, 300);
    double long_ = meanDurationMs("gpt-4o", 400, 5_000);
    assertThat(medium).isGreaterThan(short_ * 1.3);
    assertThat(long_).isGreaterThan(medium * 1.5);
  }

  @Test
  void modelsHaveTheirOwnSpeed() {
    // Short answers: mostly time to first token, where gpt-4o-mini is quicker than gpt-4o.
    assertThat(meanDurationMs("gpt-4o-mini", 0, 30)).isLessThan(meanDurationMs("gpt-4o", 0, 100));
  }

  @Test
  void latenciesHaveLongTails() {
    SplittableRandom rng = new SplittableRandom(1);
    double[] draws = new double[20_000];
    for (int i = 0; i < draws.length; i++) {
      draws[i] = LatencyModel.lognormal(100, 0.6, rng);
    }
    Arrays.sort(draws);
    double median = draws[draws.length / 2];
    assertThat(median).isBetween(95.0, 105.0);
    assertThat(draws[(int) (draws.length * 0.99)] / median).isGreaterThan(3.0);
  }

  @Test
  void streamedCallsRecordTheirFirstChunkInsideTheSpan() {
    int checked = 0;
    for (TraceView t : traces) {
      for (TraceView.SpanView s : t.spans) {
        for (Span.Event e : s.span().getEventsList()) {
          if (e.getName().equals(GenAiLegacyWriter.CHUNK_EVENT)
              || e.getName().equals(OpenInferenceWriter.FIRST_TOKEN_EVENT)) {
            assertThat(e.getTimeUnixNano())
                .isBetween(s.span().getStartTimeUnixNano(), s.span().getEndTimeUnixNano());
            checked++;
          }
        }
        if (s.attrs().containsKey("gen_ai.response.time_to_first_chunk")) {
          double ttftMs =
              s.attrs().get("gen_ai.response.time_to_first_chunk").getDoubleValue() * 1000;
          assertThat(ttftMs).isPositive().isLessThanOrEqualTo(s.durationMs());
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(500);
  }

  @Test
  void someSiblingsRunInParallel() {
    int overlapping = 0;
    for (TraceView t : traces) {
      List<TraceView.SpanView> bySibling = new ArrayList<>(t.spans);
      for (TraceView.SpanView a : bySibling) {
        for (TraceView.SpanView b : bySibling) {
          if (a != b
              && a.parentId().equals(b.parentId())
              && !a.parentId().isEmpty()
              && a.span().getStartTimeUnixNano() < b.span().getStartTimeUnixNano()
              && b.span().getStartTimeUnixNano() < a.span().getEndTimeUnixNano()) {
            overlapping++;
          }
        }
      }
    }
    assertThat(overlapping).isGreaterThan(100);
  }
}
