package io.llmtraces.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.llmtraces.demo.LabelledRun.Item;
import io.llmtraces.model.AnomalyType;
import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.model.SpanKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The labelled mode's injections: rates, schedule, what the job will read, determinism. */
class AnomalyInjectorTest {
  private static final LabelledRun POINTS = new LabelledRun(LabelledRun.pointsOnly(40), 12);
  private static final LabelledRun RUN = new LabelledRun(LabelledRun.defaultsIn(30), 11);

  private static double share(LabelledRun run, FaultType type, boolean afterWarmup) {
    double warmup = run.scenario.warmup().toMillis() / 60e3;
    List<Item> traces =
        run.items.stream().filter(i -> afterWarmup == i.minute() >= warmup).toList();
    return (double) traces.stream().filter(i -> !i.faults(type).isEmpty()).count() / traces.size();
  }

  @Test
  void pointAnomaliesAppearAtTheirRates() {
    // Nominal rates, a little lower: a few traces have no call of the right kind.
    assertThat(share(POINTS, FaultType.SPIKE, true)).isBetween(0.030, 0.047);
    assertThat(share(POINTS, FaultType.WARMUP_SPIKE, false)).isBetween(0.008, 0.035);
    assertThat(share(POINTS, FaultType.SPIKE, false)).isZero();
    assertThat(share(POINTS, FaultType.WARMUP_SPIKE, true)).isZero();
    assertThat(share(POINTS, FaultType.EMPTY_RESPONSE, true)).isBetween(0.006, 0.013);
    assertThat(share(POINTS, FaultType.STREAM_WITHOUT_USAGE, true)).isBetween(0.013, 0.025);
    List<LabelledFault> spikes =
        POINTS.items.stream().flatMap(i -> i.faults(FaultType.SPIKE).stream()).toList();
    for (double m : POINTS.scenario.spikes().magnitudes()) {
      long n = spikes.stream().filter(f -> f.magnitude() == m).count();
      assertThat((double) n / spikes.size()).as("x" + m).isBetween(0.12, 0.28);
    }
    assertThat(POINTS.items.stream().flatMap(i -> i.faults(FaultType.WARMUP_SPIKE).stream()))
        .allSatisfy(f -> assertThat(f.magnitude()).isIn(3.0, 5.0, 10.0));
  }

  @Test
  void aSpikedCallTakesItsMagnitudeTimesTheP99BoundOfItsCall() {
    Map<SpanPlan, Item> planned = POINTS.planned();
    int checked = 0;
    for (Map.Entry<SpanPlan, Item> e : planned.entrySet()) {
      SpanPlan span = e.getKey();
      for (LabelledFault f : e.getValue().faults(FaultType.SPIKE)) {
        if (f.spanId().equals(span.spanIdHex())) {
          assertThat(AnomalyInjector.spikeable(span)).isTrue();
          long own = span.isLeaf() ? span.durationMicros() : span.tailMicros();
          double expected = f.magnitude() * POINTS.latency.p99BoundMs(span) * 1000;
          assertThat((double) own).isCloseTo(expected, within(2.0));
          NormalizedSpan read = e.getValue().spans().get(f.spanId());
          assertThat(read.durationMs() * 1000).isGreaterThanOrEqualTo(own - 1);
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void keyWideScenariosFollowTheSchedule() {
    LabelledScenario s = RUN.scenario;
    double shiftFrom = s.shift().start().toMillis() / 60e3;
    double shiftTo = s.shift().end().toMillis() / 60e3;
    int shifted = 0;
    for (Item item : RUN.items) {
      boolean inShift = item.minute() >= shiftFrom && item.minute() < shiftTo;
      for (SpanPlan span : item.plan().spans()) {
        boolean isShifted = !faultsOn(item, span, FaultType.LEVEL_SHIFT).isEmpty();
        if (isShifted) {
          assertThat(inShift).isTrue();
          assertThat(s.shift().key().matches(span)).isTrue();
          shifted++;
        } else if (inShift && s.shift().key().matches(span) && span.exported()) {
          assertThat(item.truth().faults()).anyMatch(f -> f.spanId().equals(span.spanIdHex()));
        }
      }
      double driftFrom = s.drift().start().toMillis() / 60e3;
      double driftSpan = s.drift().end().toMillis() / 60e3 - driftFrom;
      for (LabelledFault f : item.faults(FaultType.DRIFT)) {
        double progress = Math.min(1, (item.minute() - driftFrom) / driftSpan);
        assertThat(f.magnitude())
            .isCloseTo(1 + (s.drift().finalFactor() - 1) * progress, within(1e-3));
      }
      boolean warmup = item.minute() < s.warmup().toMillis() / 60e3;
      assertThat(item.faults(warmup ? FaultType.SPIKE : FaultType.WARMUP_SPIKE)).isEmpty();
    }
    assertThat(shifted).isGreaterThan(100);
  }

  @Test
  void errorBurstsFailMostCallsOfOneKeyWithinTheirMinute() {
    LabelledScenario.Bursts b = RUN.scenario.bursts();
    long first = b.first().toMillis();
    long every = b.every().toMillis();
    int[] errors = new int[8];
    int[] calls = new int[8];
    for (Item item : RUN.items) {
      long at = (item.trace().startMicros() - LabelledRun.START) / 1000;
      long index = (at - first) / every;
      boolean inBurst = at >= first && at - first - index * every < b.length().toMillis();
      for (LabelledFault f : item.faults(FaultType.ERROR_BURST)) {
        assertThat(inBurst).isTrue();
        SpanKey key = b.keys().get((int) (index % b.keys().size()));
        assertThat(f.detail()).startsWith(key.toString());
        assertThat(item.spans().get(f.spanId()).isError()).isTrue();
        errors[(int) index]++;
      }
      if (inBurst) {
        SpanKey key = b.keys().get((int) (index % b.keys().size()));
        calls[(int) index] +=
            (int)
                item.plan().spans().stream()
                    .filter(key::matches)
                    .filter(SpanPlan::exported)
                    .count();
      }
    }
    int bursts = (int) Math.ceil((RUN.scenario.length().toMillis() - first) / (double) every);
    for (int i = 0; i < bursts; i++) {
      assertThat(errors[i]).as("burst " + i).isGreaterThanOrEqualTo(4);
      // Retries add calls of the key that succeed, so the failed share is below 0.6.
      assertThat((double) errors[i] / calls[i]).as("burst " + i).isBetween(0.25, 0.75);
    }
  }

  @Test
  void theUpgradeChangesTheModelNameForGoodAndTheNewModelTakesItsShare() {
    LabelledScenario.ModelChange up = RUN.scenario.upgrade();
    double upAt = up.at().toMillis() / 60e3;
    List<Double> samples = new ArrayList<>();
    int newModel = 0;
    int haiku = 0;
    for (Item item : RUN.items) {
      for (NormalizedSpan span : item.spans().values()) {
        if (span.serviceName().equals("research-agent") && span.kind() == SpanKind.LLM) {
          String expected = item.minute() >= upAt ? "claude-sonnet-4-5" : "claude-sonnet-4";
          String other = item.minute() >= upAt ? "claude-sonnet-4" : "claude-sonnet-4-5";
          assertThat(span.model()).isNotEqualTo(other);
          if (span.model().equals(expected) && item.minute() >= upAt) {
            assertThat(span.responseModel()).isIn(null, "claude-sonnet-4-5-20250929");
          }
        }
        if (span.serviceName().equals("support-gateway")
            && item.minute() >= RUN.scenario.newModel().at().toMillis() / 60e3) {
          newModel += "gemini-2.5-flash".equals(span.model()) ? 1 : 0;
          haiku += "claude-haiku".equals(span.model()) ? 1 : 0;
        }
      }
      item.faults(FaultType.MODEL_UPGRADE).forEach(f -> samples.add(f.magnitude()));
    }
    assertThat(samples).hasSizeGreaterThan(RUN.scenario.newKeyAllowance());
    for (int i = 0; i < samples.size(); i++) {
      assertThat(samples.get(i)).isEqualTo(i + 1.0);
    }
    assertThat(RUN.items.stream().flatMap(i -> i.faults(FaultType.MODEL_UPGRADE).stream()))
        .allSatisfy(
            f ->
                assertThat(f.expectation())
                    .isEqualTo(f.magnitude() <= 50 ? Expectation.UNSCORED : Expectation.NORMAL));
    assertThat((double) newModel / (newModel + haiku)).isBetween(0.35, 0.65);
  }

  @Test
  void emptyAnswersAndStreamsWithoutUsageReadAsTheyShould() {
    int empty = 0;
    int streams = 0;
    for (Item item : POINTS.items) {
      for (LabelledFault f : item.faults(FaultType.EMPTY_RESPONSE)) {
        NormalizedSpan s = item.spans().get(f.spanId());
        assertThat(s.hasPrompt()).isTrue();
        assertThat(s.hasResponse()).isFalse();
        assertThat(s.outputTokens()).isIn(null, 0L);
        assertThat(s.isError()).isFalse();
        empty++;
      }
      for (LabelledFault f : item.faults(FaultType.STREAM_WITHOUT_USAGE)) {
        NormalizedSpan s = item.spans().get(f.spanId());
        assertThat(s.isStreaming()).isTrue();
        assertThat(s.hasPrompt()).isTrue();
        assertThat(s.hasResponse()).as("completion text").isTrue();
        assertThat(s.outputTokens()).isNull();
        assertThat(s.inputTokens()).isNull();
        assertThat(s.isError()).isFalse();
        assertThat(f.expectation()).isEqualTo(Expectation.NORMAL);
        streams++;
      }
    }
    assertThat(empty).isGreaterThan(30);
    assertThat(streams).isGreaterThan(60);
  }

  @Test
  void everyErrorIsLabelledAndEveryLabelPointsAtAnExportedSpan() {
    for (Item item : RUN.items) {
      for (LabelledFault f : item.truth().faults()) {
        assertThat(item.spans()).containsKey(f.spanId());
      }
      for (NormalizedSpan span : item.spans().values()) {
        if (span.isError()) {
          assertThat(item.truth().faults())
              .anyMatch(
                  f ->
                      f.spanId().equals(span.spanId())
                          && f.expected().contains(AnomalyType.SPAN_ERROR));
        }
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameTruthAndLeavesTheBaselineTrafficAlone() {
    LabelledRun a = new LabelledRun(LabelledRun.defaultsIn(12), 5);
    LabelledRun b = new LabelledRun(LabelledRun.defaultsIn(12), 5);
    LabelledRun other = new LabelledRun(LabelledRun.defaultsIn(12), 6);
    List<String> linesA = a.items.stream().map(i -> GroundTruthFile.toJson(i.truth())).toList();
    List<String> linesB = b.items.stream().map(i -> GroundTruthFile.toJson(i.truth())).toList();
    assertThat(linesA).isEqualTo(linesB);
    assertThat(other.items.get(0).truth().traceId()).isNotEqualTo(a.items.get(0).truth().traceId());
    DemoTraffic plain =
        new DemoTraffic(
            DemoTrafficConfig.defaults(5)
                .withClock(LabelledRun.START, a.scenario.tracesPerSecond()));
    for (Item item : a.items.subList(0, 500)) {
      GeneratedTrace t = plain.next();
      assertThat(t.traceIdHex()).isEqualTo(item.trace().traceIdHex());
      assertThat(t.startMicros()).isEqualTo(item.trace().startMicros());
    }
  }

  private static List<LabelledFault> faultsOn(Item item, SpanPlan span, FaultType type) {
    return item.faults(type).stream().filter(f -> f.spanId().equals(span.spanIdHex())).toList();
  }
}
