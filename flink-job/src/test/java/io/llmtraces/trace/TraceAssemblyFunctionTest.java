package io.llmtraces.trace;

import static io.llmtraces.trace.TestSpans.child;
import static io.llmtraces.trace.TestSpans.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.model.TraceSummary;
import java.time.Duration;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OperatorSnapshotUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator with Flink's test harness: timers, state and side outputs asserted directly. */
class TraceAssemblyFunctionTest {
  private static final AssemblyOptions OPTIONS =
      new AssemblyOptions(Duration.ofSeconds(10), Duration.ofSeconds(300), Duration.ofSeconds(600), 4);
  private static final String ROOT = "a000000000000001";

  private KeyedOneInputStreamOperatorTestHarness<TraceKey, EncodedSpan, ClosedTrace> harness;

  @BeforeEach
  void open() throws Exception {
    harness = newHarness();
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  private static KeyedOneInputStreamOperatorTestHarness<TraceKey, EncodedSpan, ClosedTrace> newHarness()
      throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new TraceAssemblyFunction(OPTIONS)), EncodedSpan::traceKey, TraceKeyTypeInfo.INSTANCE);
  }

  @Test
  void outOfOrderSpansCloseAQuietGapAfterTheLatestOnceTheRootArrived() throws Exception {
    harness.processElement(EncodedSpan.of(child("a000000000000002", ROOT, 10, 20)), 1_000);
    harness.processElement(EncodedSpan.of(root(ROOT, 0, 100)), 2_000);
    harness.processElement(EncodedSpan.of(child("a000000000000003", ROOT, 30, 40)), 3_000);

    assertThat(harness.numEventTimeTimers()).isEqualTo(1); // the root's quiet gap replaced the maximum open time

    harness.processWatermark(12_999);
    assertThat(summaries()).isEmpty();

    harness.processWatermark(13_000);
    List<TraceSummary> traces = summaries();
    assertThat(traces).hasSize(1);
    assertThat(traces.get(0).spanCount()).isEqualTo(3);
    assertThat(traces.get(0).rootMissing()).isFalse();
    assertThat(spans()).extracting(v -> v.span().spanId())
        .containsExactlyInAnyOrder(ROOT, "a000000000000002", "a000000000000003");
  }

  @Test
  void redeliveredSpansCountOnce() throws Exception {
    NormalizedSpan r = root(ROOT, 0, 100);
    harness.processElement(EncodedSpan.of(r), 1_000);
    harness.processElement(EncodedSpan.of(r), 1_500);
    harness.processWatermark(20_000);
    assertThat(summaries()).singleElement().extracting(TraceSummary::spanCount).isEqualTo(1);
    assertThat(spans()).hasSize(1);
  }

  @Test
  void aTraceWhoseRootNeverComesClosesAtTheMaximumOpenTime() throws Exception {
    harness.processElement(EncodedSpan.of(child("a000000000000002", ROOT, 10, 20)), 1_000);
    harness.processWatermark(300_999);
    assertThat(summaries()).isEmpty();
    harness.processWatermark(301_000);
    assertThat(summaries()).singleElement().extracting(TraceSummary::rootMissing).isEqualTo(true);
  }

  @Test
  void aLateSpanWritesTheNextVersionWithOnlyTheNewSpan() throws Exception {
    harness.processElement(EncodedSpan.of(root(ROOT, 0, 100)), 1_000);
    harness.processWatermark(11_000);
    harness.processElement(EncodedSpan.of(child("a000000000000002", ROOT, 10, 20)), 50_000);
    harness.processElement(EncodedSpan.of(root(ROOT, 0, 100)), 50_001); // redelivered, not new
    harness.processWatermark(60_001);

    List<TraceSummary> versions = summaries();
    assertThat(versions).extracting(TraceSummary::version).containsExactly(1, 2);
    assertThat(versions.get(1).spanCount()).isEqualTo(2);
    assertThat(spans()).extracting(VersionedSpan::traceVersion).containsExactly(1, 2);
  }

  @Test
  void aClosedTraceIsRememberedForTheLateRetentionOfWallClockTimeWithoutATimer() throws Exception {
    harness.setStateTtlProcessingTime(0);
    harness.processElement(EncodedSpan.of(root(ROOT, 0, 100)), 1_000);
    harness.processWatermark(11_000);
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1); // the written trace only
    assertThat(harness.numEventTimeTimers()).isZero();

    harness.setStateTtlProcessingTime(599_999);
    harness.processElement(EncodedSpan.of(child("a000000000000002", ROOT, 10, 20)), 12_000);
    harness.processWatermark(30_000);
    assertThat(summaries()).extracting(TraceSummary::version).containsExactly(1, 2);

    // Retention counts from the latest write (599,999 ms): still known just before it runs out.
    harness.setStateTtlProcessingTime(599_999 + 600_000 - 1);
    harness.processElement(EncodedSpan.of(child("a000000000000003", ROOT, 20, 30)), 31_000);
    harness.processWatermark(50_000);
    assertThat(summaries()).extracting(TraceSummary::version).containsExactly(1, 2, 3);
  }

  @Test
  void aSpanLaterThanTheRetentionStartsItsTraceOverAndExpiredTracesAreFreedAsStateIsUsed() throws Exception {
    harness.setStateTtlProcessingTime(0);
    harness.processElement(EncodedSpan.of(root(ROOT, 0, 100)), 1_000);
    harness.processWatermark(11_000);
    harness.setStateTtlProcessingTime(600_001);
    harness.processElement(EncodedSpan.of(child("a000000000000002", ROOT, 10, 20)), 12_000);
    harness.processWatermark(12_000 + 300_000); // a trace without its root closes at the maximum open time
    List<TraceSummary> traces = summaries();
    assertThat(traces).extracting(TraceSummary::version).containsExactly(1, 1);
    assertThat(traces.get(1).spanCount()).isEqualTo(1);
    assertThat(traces.get(1).rootMissing()).isTrue();

    // Nothing reads the second one again: the state's use for other traces frees it, each access
    // looking at the next few slots of the state's hash table (at least 128 slots).
    harness.setStateTtlProcessingTime(1_300_000);
    for (int i = 1; i <= 40; i++) {
      harness.processElement(EncodedSpan.of(TestSpans.rootOf(String.format("%032x", i), ROOT, 0, 100)), 313_000);
    }
    harness.processWatermark(330_000);
    assertThat(summaries()).hasSize(2 + 40);
    assertThat(harness.numKeyedStateEntries()).isEqualTo(40); // the 40 traces just written, no more
  }

  /**
   * A snapshot written by the build before the late retention became a time to live (commit
   * c2ac981): a trace written at watermark 11,000 (format-1 bytes, an event-time retention timer
   * at 601,000) and a late span of it waiting for its quiet gap (a progress without the written
   * count, its close timer at 22,000).
   */
  @Test
  void aSnapshotOfTheBuildWithRetentionTimersRestores() throws Exception {
    harness.close();
    harness = newHarness();
    harness.setStateTtlProcessingTime(0);
    harness.initializeState(OperatorSnapshotUtil.getResourceFilename("snapshots/assembly-before-late-retention-ttl.snapshot"));
    harness.open();

    harness.processWatermark(22_000);
    assertThat(summaries()).singleElement().satisfies(t -> {
      assertThat(t.version()).isEqualTo(2);
      assertThat(t.spanCount()).isEqualTo(2);
    });
    assertThat(spans()).extracting(v -> v.span().spanId()).containsExactly("a000000000000002");

    harness.processWatermark(601_000); // the old retention timer: fires for nothing
    harness.processElement(EncodedSpan.of(child("a000000000000003", ROOT, 30, 40)), 602_000);
    harness.processWatermark(612_000);
    assertThat(summaries()).extracting(TraceSummary::version).containsExactly(2, 3);
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void stateThatOutlivesItsTtlIsNotReadAndIsLeftOutOfCheckpoints() throws Exception {
    // Time has stopped for this trace (its close timer never fires) while the wall clock runs on.
    harness.setStateTtlProcessingTime(0);
    harness.processElement(EncodedSpan.of(root(ROOT, 0, 100)), 1_000);
    assertThat(harness.numKeyedStateEntries()).isPositive();
    long ttl = (OPTIONS.maxOpen().plus(OPTIONS.lateRetention()).multipliedBy(2).plusHours(1)).toMillis();
    harness.setStateTtlProcessingTime(ttl + 1);
    OperatorSubtaskState snapshot = harness.snapshot(1L, 2_000);
    harness.close();

    harness = newHarness();
    harness.initializeState(snapshot);
    harness.open();
    assertThat(harness.numKeyedStateEntries()).isZero();
    harness.processWatermark(20_000); // the old close timer fires and finds nothing to write
    assertThat(summaries()).isEmpty();
  }

  @Test
  void spansBeyondTheCapAreCountedNotStored() throws Exception {
    harness.processElement(EncodedSpan.of(root(ROOT, 0, 100)), 1_000);
    for (int i = 2; i <= 6; i++) {
      harness.processElement(EncodedSpan.of(child(String.format("a0000000000000%02d", i), ROOT, i, i + 1)), 1_000 + i);
    }
    harness.processWatermark(20_000);
    TraceSummary t = summaries().get(0);
    assertThat(t.spanCount()).isEqualTo(4);
    assertThat(t.droppedSpanCount()).isEqualTo(2);
    assertThat(spans()).hasSize(4);
  }

  @Test
  void anOpenTraceSurvivesSnapshotAndRestore() throws Exception {
    harness.processElement(EncodedSpan.of(root(ROOT, 0, 100)), 1_000);
    harness.processElement(EncodedSpan.of(child("a000000000000002", ROOT, 10, 20)), 2_000);
    OperatorSubtaskState snapshot = harness.snapshot(1L, 2_000);
    harness.close();

    harness = newHarness();
    harness.initializeState(snapshot);
    harness.open();
    harness.processElement(EncodedSpan.of(child("a000000000000003", ROOT, 30, 40)), 3_000);
    harness.processWatermark(13_000);

    assertThat(summaries()).singleElement().extracting(TraceSummary::spanCount).isEqualTo(3);
  }

  @Test
  void onRocksDbTooAnOpenTraceSurvivesRestoreAndALateSpanWritesVersionTwo() throws Exception {
    harness.close();
    harness = newHarness();
    harness.setStateBackend(new EmbeddedRocksDBStateBackend());
    harness.open();
    harness.processElement(EncodedSpan.of(root(ROOT, 0, 100)), 1_000);
    harness.processElement(EncodedSpan.of(child("a000000000000002", ROOT, 10, 20)), 2_000);
    OperatorSubtaskState snapshot = harness.snapshot(1L, 2_000);
    harness.close();

    harness = newHarness();
    harness.setStateBackend(new EmbeddedRocksDBStateBackend());
    harness.initializeState(snapshot);
    harness.open();
    harness.processWatermark(12_000);
    harness.processElement(EncodedSpan.of(child("a000000000000003", ROOT, 30, 40)), 50_000);
    harness.processWatermark(60_001);

    assertThat(summaries()).extracting(TraceSummary::version, TraceSummary::spanCount)
        .containsExactly(tuple(1, 2), tuple(2, 3));
    harness.processWatermark(50_000 + 600_000);
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  private List<TraceSummary> summaries() {
    return harness.extractOutputValues().stream().map(ClosedTrace::summary).toList();
  }

  /** The spans emitted, each with the version of the trace that emitted it. */
  private List<VersionedSpan> spans() {
    return harness.extractOutputValues().stream()
        .flatMap(c -> c.decodeSpans().stream().map(s -> new VersionedSpan(s, c.summary().version(), 0)))
        .toList();
  }
}
