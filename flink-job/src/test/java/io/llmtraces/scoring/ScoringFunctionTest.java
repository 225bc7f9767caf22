package io.llmtraces.scoring;

import static io.llmtraces.scoring.ScoringFixtures.chat;
import static io.llmtraces.scoring.ScoringFixtures.summarize;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmtraces.baseline.Baseline;
import io.llmtraces.model.AnomalyType;
import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.model.SpanKind;
import io.llmtraces.trace.ClosedTrace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * Baselines live in keyed state: they survive a snapshot and restore, so a restart is no cold start;
 * idle baselines and old prior scores leave it.
 */
class ScoringFunctionTest {

  private static final Duration RETENTION = Duration.ofMinutes(15);

  private static KeyedOneInputStreamOperatorTestHarness<String, ClosedTrace, ScoredTrace> harness() throws Exception {
    return harness(Duration.ofDays(7));
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, ClosedTrace, ScoredTrace> harness(Duration expiry)
      throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new ScoringFunction(ScoringOptions.DEFAULTS, expiry, RETENTION)),
        c -> c.summary().project(),
        Types.STRING);
  }

  /** Trains the project's baselines with normal chats at event times 0..n-1. */
  private static void train(KeyedOneInputStreamOperatorTestHarness<String, ClosedTrace, ScoredTrace> h, int n)
      throws Exception {
    Random rnd = new Random(7);
    for (int i = 0; i < n; i++) {
      h.processElement(closed(chat(2000 * Math.exp(0.2 * rnd.nextGaussian()), 40, 100L)), i);
    }
  }

  private static ScoredTrace last(KeyedOneInputStreamOperatorTestHarness<String, ClosedTrace, ScoredTrace> h) {
    List<ScoredTrace> out = h.extractOutputValues();
    return out.get(out.size() - 1);
  }

  /** The project's baselines as the operator holds them. */
  private static Map<String, Baseline> baselines(KeyedOneInputStreamOperatorTestHarness<String, ClosedTrace, ScoredTrace> h)
      throws Exception {
    AbstractStreamOperator<ScoredTrace> op = h.getOperator();
    op.setCurrentKey(ScoringFixtures.PROJECT);
    MapState<String, Baseline> state =
        op.getKeyedStateBackend().getPartitionedState(
            VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE,
            new MapStateDescriptor<>("project-baselines", Types.STRING, Types.POJO(Baseline.class)));
    Map<String, Baseline> out = new HashMap<>();
    for (Map.Entry<String, Baseline> e : state.entries()) {
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  @Test
  void baselinesIdlePastTheirExpiryAreNotUsedAndAreSweptOut() throws Exception {
    Duration expiry = Duration.ofHours(2);
    var h = harness(expiry);
    h.open();
    train(h, 200);
    h.processElement(closed(chat(10_000, 40, 100L)), 300);
    assertThat(last(h).score().types()).contains(AnomalyType.SPAN_RESPONSE_TIME);
    int keys = baselines(h).size();
    assertThat(keys).isPositive();

    long later = 300 + expiry.toMillis() + 1;
    h.processElement(closed(chat(10_000, 40, 100L)), later);
    assertThat(last(h).score().anomalous()).isFalse(); // nothing left to judge it against
    Map<String, Baseline> left = baselines(h);
    assertThat(left).hasSize(keys); // the same keys, started again by this trace alone
    assertThat(left.values()).allSatisfy(b -> assertThat(b.lastSeenMillis()).isEqualTo(later));
    h.close();
  }

  @Test
  void aLaterVersionCombinesWithTheEarlierScoreWhileItIsKept() throws Exception {
    var h = harness();
    h.open();
    train(h, 200);
    List<NormalizedSpan> slow = chat(10_000, 40, 100L);
    h.processElement(closed(slow), 1_000);
    assertThat(last(h).score().types()).contains(AnomalyType.SPAN_RESPONSE_TIME);

    h.processElement(lateVersion(slow), 1_000 + RETENTION.toMillis() - 1);
    assertThat(last(h).score().types()).as("version 2 keeps version 1's finding").contains(AnomalyType.SPAN_RESPONSE_TIME);
    h.close();
  }

  @Test
  void earlierScoresAreDroppedAfterTwoRotations() throws Exception {
    var h = harness();
    h.open();
    train(h, 200);
    List<NormalizedSpan> a = chat(10_000, 40, 100L);
    List<NormalizedSpan> b = chat(10_000, 40, 100L);
    h.processElement(closed(a), 1_000);
    h.processElement(closed(b), 1_000);
    long r = RETENTION.toMillis();
    h.processElement(closed(chat(2000, 40, 100L)), 1_000 + r); // first rotation: both in the older generation
    h.processElement(lateVersion(a), 1_000 + r + 1);
    assertThat(last(h).score().types()).contains(AnomalyType.SPAN_RESPONSE_TIME);
    h.processElement(closed(chat(2000, 40, 100L)), 1_000 + 2 * r + 2); // second rotation: b's score goes
    h.processElement(lateVersion(b), 1_000 + 2 * r + 3);
    assertThat(last(h).score().types()).doesNotContain(AnomalyType.SPAN_RESPONSE_TIME);
    h.close();
  }

  /** A later version of the trace of {@code spans}: one more normal tool span under its root. */
  private static ClosedTrace lateVersion(List<NormalizedSpan> spans) {
    NormalizedSpan root = spans.get(0);
    NormalizedSpan late = ScoringFixtures.span(
        "late-" + System.nanoTime(), root.spanId(), "lookup", SpanKind.TOOL, 20, 5, null, null, false, false, false);
    late = ScoringFixtures.inTrace(late, root.traceId());
    List<NormalizedSpan> all = new ArrayList<>(spans);
    all.add(late);
    return ClosedTrace.of(summarize(all, 2), List.of(late));
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
    List<WritableSpan> spans = restored.getSideOutput(ScoringFunction.SPANS).stream().map(StreamRecord::getValue).toList();
    assertThat(spans).hasSize(2);
    assertThat(spans).filteredOn(s -> s.score().anomalous()).singleElement()
        .satisfies(s -> assertThat(s.score().baselineSamples()).isGreaterThanOrEqualTo(200));
    restored.close();
  }
}
