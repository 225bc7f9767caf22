package io.llmtraces.scoring;

import static io.llmtraces.scoring.ScoringFixtures.chat;
import static io.llmtraces.scoring.ScoringFixtures.summarize;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmtraces.model.AnomalyType;
import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.trace.ClosedTrace;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** Baselines live in keyed state: they survive a snapshot and restore, so a restart is no cold start. */
class ScoringFunctionTest {

  private static KeyedOneInputStreamOperatorTestHarness<String, ClosedTrace, ScoredTrace> harness() throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new ScoringFunction(ScoringOptions.DEFAULTS, Duration.ofDays(7), Duration.ofMinutes(15))),
        c -> c.summary().project(),
        Types.STRING);
  }

  private static ClosedTrace closed(List<NormalizedSpan> spans) {
    return ClosedTrace.of(summarize(spans, 1), spans);
  }

  @Test
  void baselinesSurviveSnapshotAndRestore() throws Exception {
    Random rnd = new Random(7);
    var h = harness();
    h.open();
    for (int i = 0; i < 200; i++) {
      h.processElement(closed(chat(2000 * Math.exp(0.2 * rnd.nextGaussian()), 40, 100L)), i);
    }
    OperatorSubtaskState snapshot = h.snapshot(1, 200);
    h.close();

    var restored = harness();
    restored.initializeState(snapshot);
    restored.open();
    restored.processElement(closed(chat(10_000, 40, 100L)), 201);

    ScoredTrace slow = restored.extractOutputValues().get(0);
    assertThat(slow.score().types()).contains(AnomalyType.SPAN_RESPONSE_TIME);
    List<ScoredSpan> spans = restored.getSideOutput(ScoringFunction.SPANS).stream().map(StreamRecord::getValue).toList();
    assertThat(spans).hasSize(2);
    assertThat(spans).filteredOn(s -> s.score().anomalous()).singleElement()
        .satisfies(s -> assertThat(s.score().baselineSamples()).isGreaterThanOrEqualTo(200));
    restored.close();
  }
}
