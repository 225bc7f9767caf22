package io.llmtraces.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmtraces.evaluation.EvaluationReport.ScenarioResult;
import io.llmtraces.evaluation.EvaluationReport.TargetResult;
import io.llmtraces.evaluation.EvaluationReport.TypeResult;
import io.llmtraces.model.AnomalyType;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The evaluator on a generated labelled run with rows filled by made-up detectors. */
class EvaluatorTest {
  private static final GeneratedRun RUN = new GeneratedRun(30, 21);

  @Test
  void aDetectorThatKnowsTheTruthScoresOneEverywhere() {
    EvaluationReport r = Evaluator.evaluate(RUN.truth, RUN.rows(RUN.perfect()));
    assertThat(r.coverage().missingTraces()).isZero();
    assertThat(r.coverage().missingSpans()).isZero();
    assertThat(r.coverage().unscoredSpans()).isZero();
    for (TypeResult t : r.spanTypes()) {
      assertThat(t.counts().positives()).as(t.type().name()).isPositive();
      assertThat(t.precision()).as(t.type().name()).isEqualTo(1.0);
      assertThat(t.recall()).as(t.type().name()).isEqualTo(1.0);
    }
    assertThat(r.scenarios())
        .isNotEmpty()
        .allSatisfy(
            s -> {
              assertThat(s.recall()).as(s.scenario() + " " + s.magnitude()).isEqualTo(1.0);
              assertThat(s.precision()).isEqualTo(1.0);
              assertThat(s.traceRecall()).isEqualTo(1.0);
            });
    assertThat(r.flagRates()).allSatisfy(f -> assertThat(f.flagged()).isZero());
    assertThat(r.traces().precision()).isEqualTo(1.0);
    assertThat(r.traces().recall()).isEqualTo(1.0);
    assertThat(r.traces().falsePositiveRate()).isZero();
    assertThat(r.traces().normalTraces()).isGreaterThan(1000);
    assertThat(r.traces().byType().values()).allSatisfy(c -> assertThat(c.fp()).isZero());
    assertThat(r.newKeys())
        .hasSize(2)
        .allSatisfy(
            k -> {
              assertThat(k.firstAlerts()).isZero();
              assertThat(k.laterFlagRate()).isZero();
            });
    assertThat(r.newKeys().get(0).model()).isEqualTo("claude-sonnet-4-5");
    assertThat(r.newKeys().get(0).adaptedAfterSamples()).isZero();
    assertThat(r.shift().detectionDelaySeconds()).isZero();
    assertThat(r.shift().recallSecondHalf()).isEqualTo(1.0);
    assertThat(r.targets())
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t.met()).as(t.target()).isTrue());
  }

  @Test
  void aDetectorThatFlagsEverythingFindsAllAndIsRarelyRight() {
    Set<AnomalyType> all =
        EnumSet.of(
            AnomalyType.SPAN_RESPONSE_TIME,
            AnomalyType.SPAN_ERROR,
            AnomalyType.SPAN_NO_PROMPT_RESPONSE);
    EvaluationReport r = Evaluator.evaluate(RUN.truth, RUN.rows(s -> all));
    for (TypeResult t : r.spanTypes()) {
      assertThat(t.recall()).isEqualTo(1.0);
      assertThat(t.precision()).as(t.type().name()).isLessThan(0.2);
    }
    assertThat(r.traces().falsePositiveRate()).isEqualTo(1.0);
    assertThat(r.traces().recall()).isEqualTo(1.0);
    assertThat(r.newKeys())
        .allSatisfy(
            k -> {
              assertThat(k.firstAlerts()).isEqualTo(k.firstSamples());
              assertThat(k.adaptedAfterSamples()).isNull();
            });
    assertThat(r.targets())
        .filteredOn(t -> t.measure().contains("recall"))
        .allSatisfy(t -> assertThat(t.met()).isTrue());
    assertThat(r.targets())
        .filteredOn(t -> t.measure().contains("precision"))
        .allSatisfy(t -> assertThat(t.met()).isFalse());
    TargetResult streams =
        r.targets().stream()
            .filter(t -> t.target().startsWith("streamed"))
            .findFirst()
            .orElseThrow();
    assertThat(streams.met()).isFalse();
    assertThat(streams.value()).isPositive();
  }

  @Test
  void aJobWithoutScoringIsReportedAsSuch() {
    TableRows unscored =
        new TableRows(
            RUN.truth.stream()
                .map(
                    t ->
                        new TraceRow(
                            t.project(), t.traceId(), 1, t.spanCount(), false, false, Set.of()))
                .toList(),
            RUN.spans.stream()
                .map(
                    s ->
                        new SpanRow(
                            s.project(),
                            s.traceId(),
                            s.spanId(),
                            s.model(),
                            false,
                            false,
                            Set.of(),
                            null,
                            null))
                .toList());
    EvaluationReport r = Evaluator.evaluate(RUN.truth, unscored);
    assertThat(r.coverage().nothingScored()).isTrue();
    assertThat(r.coverage().unscoredTraces()).isEqualTo(RUN.truth.size());
    assertThat(r.spanTypes()).allSatisfy(t -> assertThat(t.recall()).isZero());
    assertThat(MarkdownReport.render(r, java.util.List.of()))
        .contains("the job did not score anything");
  }

  @Test
  void spikeMagnitudesGetRowsOfTheirOwn() {
    // Flags spikes of x3 and more only: the tiers below are missed, the rest found.
    Set<String> bigSpikes = new java.util.HashSet<>();
    RUN.truth.forEach(
        t ->
            t.faults().stream()
                .filter(f -> f.scenario().equals("spike") && f.magnitude() >= 3)
                .forEach(f -> bigSpikes.add(t.traceId() + f.spanId())));
    EvaluationReport r =
        Evaluator.evaluate(
            RUN.truth,
            RUN.rows(
                s ->
                    bigSpikes.contains(s.traceId() + s.spanId())
                        ? Set.of(AnomalyType.SPAN_RESPONSE_TIME)
                        : Set.of()));
    var spikes = r.scenarios().stream().filter(s -> s.scenario().equals("spike")).toList();
    assertThat(spikes)
        .extracting(ScenarioResult::magnitude)
        .containsExactly("x1.5", "x2", "x3", "x5", "x10");
    assertThat(spikes)
        .allSatisfy(
            s -> {
              assertThat(s.spans()).isPositive();
              assertThat(s.recall()).isEqualTo(SpanMetrics.order(s.magnitude()) >= 3 ? 1.0 : 0.0);
              assertThat(s.precision())
                  .isEqualTo(SpanMetrics.order(s.magnitude()) >= 3 ? 1.0 : null);
            });
    TargetResult recall =
        r.targets().stream()
            .filter(t -> t.measure().equals("span recall"))
            .findFirst()
            .orElseThrow();
    assertThat(recall.value()).isEqualTo(1.0);
    assertThat(r.spanTypes().get(0).recall()).isLessThan(0.5);
  }
}
