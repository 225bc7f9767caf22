package io.llmtraces.scoring;

import static io.llmtraces.scoring.ScoringFixtures.chat;
import static io.llmtraces.scoring.ScoringFixtures.span;
import static io.llmtraces.scoring.ScoringFixtures.summarize;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmtraces.model.AnomalyType;
import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.model.SpanKind;
import io.llmtraces.model.SpanScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TraceScorerTest {
  private final TraceScorer scorer = new TraceScorer(ScoringOptions.DEFAULTS);
  private final Random rnd = new Random(42);
  private ScoringFixtures.MapStore store;

  @BeforeEach
  void warmUp() throws Exception {
    store = new ScoringFixtures.MapStore();
    for (int i = 0; i < 400; i++) {
      score(normalChat());
    }
  }

  private List<NormalizedSpan> normalChat() {
    long tokens = 50 + rnd.nextInt(400);
    double llmMs = (300 + 20 * tokens) * Math.exp(0.2 * rnd.nextGaussian());
    return chat(llmMs, 40 * Math.exp(0.2 * rnd.nextGaussian()), tokens);
  }

  private TraceScorer.Result score(List<NormalizedSpan> spans) throws Exception {
    return scorer.score(summarize(spans, 1), spans, null, store, 0);
  }

  private static SpanScore scoreOf(TraceScorer.Result r, String name) {
    return r.spans().stream().filter(s -> s.span().span().name().equals(name)).findFirst().orElseThrow().score();
  }

  @Test
  void normalTracesAreRarelyFlagged() throws Exception {
    int flagged = 0;
    for (int i = 0; i < 2_000; i++) {
      if (score(normalChat()).trace().score().anomalous()) {
        flagged++;
      }
    }
    assertThat(flagged).isLessThanOrEqualTo(10); // 0.5 %
  }

  @Test
  void aSlowLlmCallIsFlaggedOnTheCallNotOnItsParent() throws Exception {
    TraceScorer.Result r = score(chat(5 * (300 + 20 * 200), 40, 200L));

    SpanScore call = scoreOf(r, "openai.chat");
    assertThat(call.types()).containsExactly(AnomalyType.SPAN_RESPONSE_TIME);
    assertThat(call.score()).isGreaterThanOrEqualTo(50);
    assertThat(call.ratio()).isGreaterThan(2.0);
    assertThat(call.baselineSamples()).isGreaterThanOrEqualTo(30);
    assertThat(call.baselineKey()).isEqualTo("acme|span|svc|openai.chat|gpt-4o|out<256");
    assertThat(call.explanation()).contains("slower than p99").contains("200 output tokens")
        .contains("calls of gpt-4o in openai.chat (svc) with 127-254 output tokens");

    SpanScore root = scoreOf(r, "chat.workflow");
    assertThat(root.types()).doesNotContain(AnomalyType.SPAN_RESPONSE_TIME);
    assertThat(root.selfTimeMs()).isLessThan(100);

    assertThat(r.trace().score().anomalous()).isTrue();
    assertThat(r.trace().score().types()).contains(AnomalyType.SPAN_RESPONSE_TIME);
    assertThat(r.trace().score().anomalousSpanCount()).isEqualTo(1);
  }

  @Test
  void aLongAnswerAtTheNormalSpeedIsNotSlow() throws Exception {
    TraceScorer.Result r = score(chat(300 + 20 * 2_000, 40, 2_000L));
    assertThat(scoreOf(r, "openai.chat").types()).isEmpty();
  }

  @Test
  void aSlowParentIsJudgedByItsOwnTime() throws Exception {
    TraceScorer.Result r = score(chat(300 + 20 * 200, 2_000, 200L));
    assertThat(scoreOf(r, "chat.workflow").types()).containsExactly(AnomalyType.SPAN_RESPONSE_TIME);
    assertThat(scoreOf(r, "openai.chat").types()).isEmpty();
  }

  @Test
  void errorsAreAlwaysAnomalous() throws Exception {
    List<NormalizedSpan> spans = new ArrayList<>(chat(1000, 40, null));
    NormalizedSpan llm = spans.get(1);
    spans.set(1, span(llm.spanId(), llm.parentSpanId(), "openai.chat", SpanKind.LLM, 10, 1000, "gpt-4o", null, true, true, false));
    TraceScorer.Result r = score(spans);
    SpanScore s = scoreOf(r, "openai.chat");
    assertThat(s.types()).containsExactly(AnomalyType.SPAN_ERROR);
    assertThat(s.score()).isGreaterThanOrEqualTo(50);
    assertThat(s.explanation()).contains("TimeoutError").contains("upstream timeout");
    assertThat(r.trace().score().types()).contains(AnomalyType.SPAN_ERROR);
  }

  @Test
  void aPromptWithNoAnswerIsAnEmptyResponseButCaptureOffOrStreamingWithoutUsageIsNot() throws Exception {
    NormalizedSpan root = span("r1", null, "chat.workflow", SpanKind.WORKFLOW, 0, 2000, null, null, false, false, false);
    NormalizedSpan empty = span("e1", "r1", "openai.chat", SpanKind.LLM, 10, 1000, "gpt-4o", null, false, true, false);
    NormalizedSpan zeroTokens = span("e2", "r1", "openai.chat", SpanKind.LLM, 10, 1000, "gpt-4o", 0L, false, true, false);
    NormalizedSpan captureOff = span("c1", "r1", "openai.chat", SpanKind.LLM, 10, 1000, "gpt-4o", null, false, false, false);
    NormalizedSpan streamedNoUsage = span("s1", "r1", "openai.chat", SpanKind.LLM, 10, 1000, "gpt-4o", null, false, true, true);
    NormalizedSpan tokensOnly = span("t1", "r1", "openai.chat", SpanKind.LLM, 10, 1000, "gpt-4o", 80L, false, true, false);
    TraceScorer.Result r = score(List.of(root, empty, zeroTokens, captureOff, streamedNoUsage, tokensOnly));
    for (var s : r.spans()) {
      boolean shouldBeEmpty = s.span().span().spanId().startsWith("e");
      assertThat(s.score().types().contains(AnomalyType.SPAN_NO_PROMPT_RESPONSE))
          .as(s.span().span().spanId()).isEqualTo(shouldBeEmpty);
    }
  }

  @Test
  void aRareSpanBacksOffToACoarserBaseline() throws Exception {
    NormalizedSpan root = span("r2", null, "chat.workflow", SpanKind.WORKFLOW, 0, 40_000, null, null, false, false, false);
    NormalizedSpan rare = span("n1", "r2", "summarize.llm", SpanKind.LLM, 10, 5 * (300 + 20 * 200), "gpt-4o", 200L, false, true, true);
    TraceScorer.Result r = score(List.of(root, rare));
    SpanScore s = scoreOf(r, "summarize.llm");
    assertThat(s.baselineKey()).isEqualTo("acme|kind|llm|gpt-4o");
    assertThat(s.types()).containsExactly(AnomalyType.SPAN_RESPONSE_TIME);
  }

  @Test
  void aNewModelIsNotJudgedUntilItHasABaselineSoItCannotFlood() throws Exception {
    int flagged = 0;
    for (int i = 0; i < 100; i++) {
      NormalizedSpan root = span("r" + i, null, "chat.workflow", SpanKind.WORKFLOW, 0, 3000, null, null, false, false, false);
      double ms = 2500 * Math.exp(0.3 * rnd.nextGaussian());
      NormalizedSpan call = span("m" + i, "r" + i, "openai.chat", SpanKind.LLM, 10, ms, "gpt-5", 100L, false, true, true);
      var r = score(List.of(root, call));
      if (scoreOf(r, "openai.chat").anomalous()) {
        flagged++;
      }
    }
    assertThat(flagged).isLessThanOrEqualTo(1);
  }

  @Test
  void aBigTraceIsNotAnomalousJustForBeingBig() throws Exception {
    int flagged = 0;
    for (int t = 0; t < 50; t++) {
      List<NormalizedSpan> spans = new ArrayList<>();
      spans.add(span("root", null, "batch.workflow", SpanKind.WORKFLOW, 0, 1, null, null, false, false, false));
      for (int i = 0; i < 200; i++) {
        spans.add(span("s" + i, "root", "lookup.tool", SpanKind.TOOL, 0, 100 * Math.exp(0.3 * rnd.nextGaussian()), null, null, false, false, false));
      }
      if (t >= 10 && score(spans).trace().score().anomalous()) {
        flagged++;
      } else if (t < 10) {
        score(spans);
      }
    }
    assertThat(flagged).isLessThanOrEqualTo(1);
  }

  @Test
  void aLaterVersionKeepsWhatTheEarlierOneFound() throws Exception {
    List<NormalizedSpan> first = chat(5 * (300 + 20 * 200), 40, 200L);
    TraceScorer.Result v1 = score(first);
    NormalizedSpan late = span("late", first.get(0).spanId(), "lookup.tool", SpanKind.TOOL, 5, 20, null, null, false, false, false);
    List<NormalizedSpan> all = new ArrayList<>(first);
    all.add(late);
    TraceScorer.Result v2 = scorer.score(summarize(all, 2), List.of(late), v1.prior(), store, 0);
    assertThat(v2.trace().score().types()).containsAll(v1.trace().score().types());
    assertThat(v2.trace().score().score()).isGreaterThanOrEqualTo(v1.trace().score().score());
    assertThat(v2.spans()).hasSize(1);
  }

  @Test
  void aParentRetryingAFailedCallIsNotCalledSlowTheFailureIs() throws Exception {
    NormalizedSpan root = span("rr", null, "chat.workflow", SpanKind.WORKFLOW, 0, 30_000, null, null, false, false, false);
    NormalizedSpan failed = span("f1", "rr", "openai.chat", SpanKind.LLM, 10, 500, "gpt-4o", null, true, true, false);
    NormalizedSpan retry = span("f2", "rr", "openai.chat", SpanKind.LLM, 25_000, 4_000, "gpt-4o", 200L, false, true, true);
    TraceScorer.Result r = score(List.of(root, failed, retry));
    assertThat(scoreOf(r, "chat.workflow").types()).isEmpty();
    assertThat(r.trace().score().types()).contains(AnomalyType.SPAN_ERROR).doesNotContain(AnomalyType.SPAN_RESPONSE_TIME);
  }

  @Test
  void aSomewhatSlowSpanInABigTraceIsFlaggedWithoutFlaggingTheTrace() throws Exception {
    List<NormalizedSpan> spans = new ArrayList<>();
    for (int warm = 0; warm < 60; warm++) {
      spans.clear();
      spans.add(span("root", null, "batch.workflow", SpanKind.WORKFLOW, 0, 1, null, null, false, false, false));
      for (int i = 0; i < 100; i++) {
        spans.add(span("s" + i, "root", "lookup.tool", SpanKind.TOOL, 0, 100 * Math.exp(0.3 * rnd.nextGaussian()), null, null, false, false, false));
      }
      score(spans);
    }
    spans.set(1, span("s0", "root", "lookup.tool", SpanKind.TOOL, 0, 100 * Math.exp(0.3 * 3.3), null, null, false, false, false));
    TraceScorer.Result r = score(spans);
    SpanScore slow = r.spans().stream().filter(x -> x.span().span().spanId().equals("s0")).findFirst().orElseThrow().score();
    assertThat(slow.types()).containsExactly(AnomalyType.SPAN_RESPONSE_TIME);
    assertThat(slow.score()).isBetween(40.0, 55.0);
    assertThat(r.trace().score().anomalous()).isFalse();
    assertThat(r.trace().score().score()).isLessThan(50);
  }
}
