package io.llmtraces.scoring;

import io.llmtraces.baseline.Baseline;
import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.trace.ClosedTrace;
import io.llmtraces.trace.SpanCodec;
import io.llmtraces.trace.TraceKey;
import io.llmtraces.trace.TraceKeyTypeInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by project: scores each closed trace with {@link TraceScorer} against the project's
 * baselines, kept in keyed state (checkpointed, so they survive restarts and rescaling), and
 * emits the scored trace (main output) and its scored spans (side output {@link #SPANS}). Scoring
 * reads only the spans' facts: their bodies stay compressed bytes, passed on for the writers.
 *
 * <p>One key per project keeps every back-off level of a span in one place; scoring is a few
 * map look-ups per span, so one subtask keeps up with a large project. State is kept bounded by
 * {@link ScoringHousekeeping}, not by state TTL (see there why).
 */
public class ScoringFunction extends KeyedProcessFunction<String, ClosedTrace, ScoredTrace> {
  public static final OutputTag<WritableSpan> SPANS = new OutputTag<>("scored-spans") {};
  /** Idle baselines are swept out this often (event time): often enough, and rarely a cost. */
  static final long BASELINE_SWEEP_INTERVAL_MS = Duration.ofHours(1).toMillis();

  private final ScoringOptions options;
  private final Duration baselineIdleExpiry;
  private final Duration priorRetention;
  private transient TraceScorer scorer;
  private transient MapState<String, Baseline> baselines;
  private transient MapState<TraceKey, byte[]> priorsFirst;
  private transient MapState<TraceKey, byte[]> priorsSecond;
  private transient ValueState<ScoringHousekeeping> housekeeping;
  private transient Counter anomalousTraces;
  private transient Counter anomalousSpans;

  /**
   * @param baselineIdleExpiry a key not seen for this long is forgotten (bounded state)
   * @param priorRetention how long a trace's score is kept for later versions of it
   */
  public ScoringFunction(ScoringOptions options, Duration baselineIdleExpiry, Duration priorRetention) {
    this.options = options;
    this.baselineIdleExpiry = baselineIdleExpiry;
    this.priorRetention = priorRetention;
  }

  @Override
  public void open(OpenContext openContext) {
    scorer = new TraceScorer(options);
    baselines = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("project-baselines", Types.STRING, Types.POJO(Baseline.class)));
    // A score per trace for the late-span retention: compact keys and values, as a checkpoint
    // writes them all (see PriorScore#toBytes).
    priorsFirst = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("prior-score-bytes-1", TraceKeyTypeInfo.INSTANCE, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    priorsSecond = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("prior-score-bytes-2", TraceKeyTypeInfo.INSTANCE, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    housekeeping = getRuntimeContext().getState(
        new ValueStateDescriptor<>("housekeeping", Types.POJO(ScoringHousekeeping.class)));
    anomalousTraces = getRuntimeContext().getMetricGroup().counter("anomalousTraces");
    anomalousSpans = getRuntimeContext().getMetricGroup().counter("anomalousSpans");
  }

  @Override
  public void processElement(ClosedTrace closed, Context ctx, Collector<ScoredTrace> out) throws Exception {
    TraceKey trace = TraceKey.of(closed.summary().project(), closed.summary().traceId());
    long eventTime = ctx.timestamp() != null ? ctx.timestamp() : ctx.timerService().currentProcessingTime();
    ScoringHousekeeping tidy = tidy(eventTime);
    MapState<TraceKey, byte[]> current = tidy.priorsInFirst() ? priorsFirst : priorsSecond;
    MapState<TraceKey, byte[]> previous = tidy.priorsInFirst() ? priorsSecond : priorsFirst;
    PriorScore prior = null;
    if (closed.summary().version() > 1) {
      byte[] bytes = current.get(trace);
      bytes = bytes != null ? bytes : previous.get(trace);
      prior = bytes == null ? null : PriorScore.fromBytes(bytes);
    }
    BaselineStore store =
        new BaselineStore() {
          @Override
          public Baseline get(String key) throws Exception {
            Baseline b = baselines.get(key);
            // Idle past its expiry but not swept yet: as good as gone.
            return b != null && idle(b, eventTime) ? null : b;
          }

          @Override
          public void put(String key, Baseline baseline) throws Exception {
            baselines.put(key, baseline);
          }
        };
    List<byte[]> spanBytes = closed.spanBytes();
    List<NormalizedSpan> facts = new ArrayList<>(spanBytes.size());
    for (byte[] bytes : spanBytes) {
      facts.add(SpanCodec.decodeFacts(bytes));
    }
    TraceScorer.Result result = scorer.score(closed.summary(), facts, prior, store, eventTime);
    current.put(trace, result.prior().toBytes());
    out.collect(result.trace());
    List<ScoredSpan> scored = result.spans();
    for (int i = 0; i < scored.size(); i++) { // in the order of the spans given
      ScoredSpan span = scored.get(i);
      if (span.score().anomalous()) {
        anomalousSpans.inc();
      }
      ctx.output(SPANS, new WritableSpan(spanBytes.get(i), span.span().traceVersion(), span.span().ingestedAtMicros(), span.score()));
    }
    if (result.trace().score().anomalous()) {
      anomalousTraces.inc();
    }
  }

  /** Unused for longer than the expiry: no longer judged against, and swept out. */
  private boolean idle(Baseline b, long eventTime) {
    return eventTime - b.lastSeenMillis() > baselineIdleExpiry.toMillis();
  }

  /** Rotates the prior scores and sweeps idle baselines when it is time; returns the state after. */
  private ScoringHousekeeping tidy(long eventTime) throws Exception {
    ScoringHousekeeping h = housekeeping.value();
    ScoringHousekeeping before = h;
    if (h == null) {
      h = ScoringHousekeeping.startingAt(eventTime);
    }
    if (h.rotatePriors(eventTime, priorRetention.toMillis())) {
      // The previous generation goes; the current one becomes the previous.
      (h.priorsInFirst() ? priorsSecond : priorsFirst).clear();
      h = h.priorsRotated(eventTime);
    }
    if (h.sweepBaselines(eventTime, BASELINE_SWEEP_INTERVAL_MS)) {
      var it = baselines.iterator();
      while (it.hasNext()) {
        if (idle(it.next().getValue(), eventTime)) {
          it.remove();
        }
      }
      h = h.baselinesSwept(eventTime);
    }
    if (h != before) {
      housekeeping.update(h);
    }
    return h;
  }
}
