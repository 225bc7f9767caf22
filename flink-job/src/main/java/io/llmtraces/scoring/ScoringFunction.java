package io.llmtraces.scoring;

import io.llmtraces.baseline.Baseline;
import io.llmtraces.trace.ClosedTrace;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by project: scores each closed trace with {@link TraceScorer} against the project's
 * baselines, kept in keyed state (checkpointed, so they survive restarts and rescaling), and
 * emits the scored trace (main output) and its scored spans (side output {@link #SPANS}).
 *
 * <p>One key per project keeps every back-off level of a span in one place; scoring is a few
 * map look-ups per span, so one subtask keeps up with a large project.
 */
public class ScoringFunction extends KeyedProcessFunction<String, ClosedTrace, ScoredTrace> {
  public static final OutputTag<ScoredSpan> SPANS = new OutputTag<>("scored-spans") {};

  private final ScoringOptions options;
  private final Duration baselineIdleExpiry;
  private final Duration priorRetention;
  private transient TraceScorer scorer;
  private transient MapState<String, Baseline> baselines;
  private transient MapState<String, PriorScore> priors;
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
    MapStateDescriptor<String, Baseline> b = new MapStateDescriptor<>("baselines", Types.STRING, Types.POJO(Baseline.class));
    b.enableTimeToLive(StateTtlConfig.newBuilder(baselineIdleExpiry).build());
    MapStateDescriptor<String, PriorScore> p = new MapStateDescriptor<>("prior-scores", Types.STRING, Types.POJO(PriorScore.class));
    p.enableTimeToLive(StateTtlConfig.newBuilder(priorRetention).build());
    baselines = getRuntimeContext().getMapState(b);
    priors = getRuntimeContext().getMapState(p);
    anomalousTraces = getRuntimeContext().getMetricGroup().counter("anomalousTraces");
    anomalousSpans = getRuntimeContext().getMetricGroup().counter("anomalousSpans");
  }

  @Override
  public void processElement(ClosedTrace closed, Context ctx, Collector<ScoredTrace> out) throws Exception {
    String traceId = closed.summary().traceId();
    PriorScore prior = closed.summary().version() > 1 ? priors.get(traceId) : null;
    long eventTime = ctx.timestamp() != null ? ctx.timestamp() : ctx.timerService().currentProcessingTime();
    BaselineStore store =
        new BaselineStore() {
          @Override
          public Baseline get(String key) throws Exception {
            return baselines.get(key);
          }

          @Override
          public void put(String key, Baseline baseline) throws Exception {
            baselines.put(key, baseline);
          }
        };
    TraceScorer.Result result = scorer.score(closed.summary(), closed.decodeSpans(), prior, store, eventTime);
    priors.put(traceId, result.prior());
    out.collect(result.trace());
    for (ScoredSpan span : result.spans()) {
      if (span.score().anomalous()) {
        anomalousSpans.inc();
      }
      ctx.output(SPANS, span);
    }
    if (result.trace().score().anomalous()) {
      anomalousTraces.inc();
    }
  }
}
