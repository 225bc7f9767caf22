package io.llmtraces.scoring;

import io.llmtraces.baseline.Baseline;
import io.llmtraces.baseline.BaselineKeys;
import io.llmtraces.baseline.BaselineOptions;
import io.llmtraces.baseline.Expectation;
import io.llmtraces.model.AnomalyType;
import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.model.SpanKind;
import io.llmtraces.model.SpanScore;
import io.llmtraces.model.TraceScore;
import io.llmtraces.model.TraceSummary;
import io.llmtraces.trace.VersionedSpan;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * Scores one closed trace version against its project's baselines, then teaches the baselines
 * what it saw. Each span is judged before it is learned, so nothing judges itself.
 *
 * <p>Scores: a slow span scores its own surprise; an error or an empty response always reaches
 * the threshold (a failed call is always worth seeing) and scores higher the rarer it is for its
 * key. The trace's score is the largest of its own duration's score, its errors' and empty
 * responses' scores, and its slowest span's surprise corrected for the number N of spans judged
 * ({@code s - log10 N}), so a big trace does not look anomalous just for being big. See
 * docs/anomaly-detection.md.
 */
public final class TraceScorer {
  private final ScoringOptions options;
  private final BaselineOptions learn;

  public TraceScorer(ScoringOptions options) {
    this.options = options;
    this.learn = options.baselines();
  }

  /** The scored trace and spans (in the order given), and what to remember for a later version of the trace. */
  public record Result(ScoredTrace trace, List<ScoredSpan> spans, PriorScore prior) {}

  /** What one span's judgement found before the trace-wide correction. */
  private record Judged(NormalizedSpan span, double selfMs, Expectation expectation, String key, double surprise,
      double errorRate, boolean empty) {}

  public Result score(TraceSummary trace, List<NormalizedSpan> spans, PriorScore prior, BaselineStore store,
      long eventTime) throws Exception {
    Map<String, Double> self = SelfTimes.of(spans);
    Set<String> failedChildren = new HashSet<>();
    for (NormalizedSpan span : spans) {
      if (span.isError() && !span.isRoot()) {
        failedChildren.add(span.parentSpanId());
      }
    }
    String project = trace.project();
    boolean lateVersion = trace.version() > 1;
    List<Judged> judged = new ArrayList<>(spans.size());
    int tested = prior == null ? 0 : prior.judgedSpans();
    for (NormalizedSpan span : spans) {
      // A parent whose child failed spends its own time handling that (backing off, retrying):
      // the failure is the anomaly; judging or learning that time would only echo it.
      boolean handlingFailure = failedChildren.contains(span.spanId());
      Judged j = judgeAndLearn(span, self.get(span.spanId()), lateVersion, handlingFailure, store, eventTime, project);
      judged.add(j);
      if (j.expectation() != null) {
        tested++;
      }
    }
    // The trace is judged on the most surprising of its N slow spans, corrected for having had N
    // chances (s - log10 N): a big trace is not anomalous just for being big. Spans themselves
    // are judged on their own surprise.
    double correction = Math.log10(Math.max(1, tested));
    List<ScoredSpan> scored = new ArrayList<>(spans.size());
    EnumSet<AnomalyType> traceTypes = EnumSet.noneOf(AnomalyType.class);
    double best = prior == null ? 0 : prior.score();
    String bestReason = null;
    int anomalousSpans = prior == null ? 0 : prior.anomalousSpans();
    if (prior != null) {
      traceTypes.addAll(prior.types());
    }
    for (Judged j : judged) {
      SpanScore s = verdict(j);
      scored.add(new ScoredSpan(new VersionedSpan(j.span(), trace.version(), trace.ingestedAtMicros()), s));
      if (s.anomalous()) {
        anomalousSpans++;
      }
      double forTrace = 0;
      for (AnomalyType t : s.types()) {
        if (t == AnomalyType.SPAN_RESPONSE_TIME) {
          double corrected = Surprise.score(j.surprise() - correction);
          if (corrected >= options.threshold()) {
            traceTypes.add(t);
            forTrace = Math.max(forTrace, corrected);
          }
        } else {
          traceTypes.add(t);
          forTrace = Math.max(forTrace, s.score());
        }
      }
      if (forTrace > 0 && (forTrace > best || bestReason == null)) {
        bestReason = s.explanation();
      }
      best = Math.max(best, forTrace > 0 ? forTrace : Math.min(s.score(), Surprise.score(j.surprise() - correction)));
    }
    TraceScore ts = traceVerdict(trace, lateVersion, store, eventTime, traceTypes, best, bestReason, anomalousSpans);
    PriorScore next = new PriorScore(ts.score(), ts.types(), tested, anomalousSpans);
    return new Result(new ScoredTrace(trace, ts), scored, next);
  }

  private Judged judgeAndLearn(NormalizedSpan span, Double selfMs, boolean lateVersion, boolean handlingFailure,
      BaselineStore store, long eventTime, String project) throws Exception {
    double judgedMs = selfMs == null ? span.durationMs() : selfMs;
    List<String> keys = BaselineKeys.forSpan(span);
    Baseline[] baselines = new Baseline[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      Baseline b = store.get(keys.get(i));
      baselines[i] = b != null ? b : Baseline.empty(learn);
    }
    long outputTokens = span.outputTokens() == null ? -1 : span.outputTokens();
    boolean useTokens = span.kind() == SpanKind.LLM && outputTokens >= 0;
    // A late span's children may be in an earlier version: its self time is only known for leaves.
    boolean judgeTime = (!lateVersion || isLeafKind(span.kind())) && !handlingFailure;
    Expectation expectation = null;
    String key = null;
    for (int i = 0; judgeTime && expectation == null && i < keys.size(); i++) {
      key = project + "|" + keys.get(i);
      boolean perToken = useTokens && !keys.get(i).contains(BaselineKeys.TOKEN_BUCKET);
      expectation = baselines[i].expect(outputTokens, perToken, key, learn);
    }
    double surprise = 0;
    double weight = 1;
    if (expectation != null) {
      double z = expectation.z(judgedMs);
      surprise = Surprise.ofUpperTail(expectation.normalEquivalentZ(judgedMs));
      // Anomalies teach the baseline less: a z of 6 counts half (clipping bounds it further).
      weight = Math.abs(z) > learn.clipSigmas() ? learn.clipSigmas() / Math.abs(z) : 1;
    }
    Boolean empty = EmptyResponse.of(span);
    // Error rates are pooled over services and token buckets: (span name, model).
    double errorRate = baselines[keys.size() - 2].errors().rate();
    for (int i = 0; i < keys.size(); i++) {
      Baseline learned =
          handlingFailure
              ? baselines[i].learnEvents(span.isError(), empty, eventTime, learn)
              : baselines[i].learn(judgedMs, outputTokens, span.isError(), empty, weight, eventTime, learn);
      store.put(keys.get(i), learned);
    }
    return new Judged(span, judgedMs, expectation, key, surprise, errorRate, Boolean.TRUE.equals(empty));
  }

  private SpanScore verdict(Judged j) {
    NormalizedSpan span = j.span();
    EnumSet<AnomalyType> types = EnumSet.noneOf(AnomalyType.class);
    double score = 0;
    String reason = null;
    Expectation e = j.expectation();
    if (e != null) {
      double latencyScore = Surprise.score(j.surprise());
      if (latencyScore >= options.spanThreshold() && slowEnough(j.selfMs(), e.medianMs(), options.minSpanExcessMs())) {
        types.add(AnomalyType.SPAN_RESPONSE_TIME);
        reason = Explanations.slowSpan(span, j.selfMs(), e, j.key());
      }
      score = latencyScore;
    }
    if (span.isError()) {
      double errorScore = Math.max(options.threshold(), Surprise.score(Surprise.ofProbability(j.errorRate())));
      types.add(AnomalyType.SPAN_ERROR);
      if (errorScore >= score || reason == null) {
        reason = Explanations.error(span, j.errorRate());
      }
      score = Math.max(score, errorScore);
    }
    if (j.empty()) {
      types.add(AnomalyType.SPAN_NO_PROMPT_RESPONSE);
      score = Math.max(score, options.threshold());
      if (reason == null) {
        reason = Explanations.empty(span);
      }
    }
    boolean anomalous = !types.isEmpty();
    if (!anomalous) {
      score = Math.min(score, Math.nextDown(options.spanThreshold()));
    }
    return new SpanScore(
        score, List.copyOf(types), anomalous, j.selfMs(),
        e == null ? null : e.medianMs(), e == null ? null : e.p99Ms(), e == null ? null : e.samples(),
        j.key(), e == null ? null : j.selfMs() / e.p99Ms(), reason);
  }

  private TraceScore traceVerdict(TraceSummary trace, boolean lateVersion, BaselineStore store, long eventTime,
      EnumSet<AnomalyType> types, double spanBest, String spanReason, int anomalousSpans) throws Exception {
    Expectation e = null;
    String key = null;
    double score = spanBest;
    String reason = spanReason;
    // A trace without its root has a partial duration: it is neither judged nor learned.
    if (!trace.rootMissing()) {
      List<String> keys = BaselineKeys.forTrace(trace);
      Baseline[] baselines = new Baseline[keys.size()];
      for (int i = 0; i < keys.size(); i++) {
        Baseline b = store.get(keys.get(i));
        baselines[i] = b != null ? b : Baseline.empty(learn);
        if (e == null) {
          key = trace.project() + "|" + keys.get(i);
          e = baselines[i].expect(-1, false, key, learn);
        }
      }
      double weight = 1;
      if (e != null) {
        double z = e.z(trace.durationMs());
        double traceScore = Surprise.score(Surprise.ofUpperTail(e.normalEquivalentZ(trace.durationMs())));
        weight = Math.abs(z) > learn.clipSigmas() ? learn.clipSigmas() / Math.abs(z) : 1;
        if (traceScore >= options.threshold() && slowEnough(trace.durationMs(), e.medianMs(), options.minTraceExcessMs())) {
          types.add(AnomalyType.TRACE_RESPONSE_TIME);
          if (traceScore >= score || reason == null) {
            reason = Explanations.slowTrace(trace.durationMs(), e, key);
          }
          score = Math.max(score, traceScore);
        } else if (score < options.threshold()) {
          score = Math.max(score, Math.min(traceScore, Math.nextDown(options.threshold())));
        }
      }
      if (!lateVersion) {
        for (int i = 0; i < keys.size(); i++) {
          store.put(keys.get(i), baselines[i].learn(trace.durationMs(), -1, trace.errorCount() > 0, null, weight, eventTime, learn));
        }
      }
    }
    boolean anomalous = !types.isEmpty();
    return new TraceScore(
        score, List.copyOf(types), anomalous,
        e == null ? null : e.medianMs(), e == null ? null : e.p99Ms(), e == null ? null : e.samples(),
        e == null ? null : key, e == null ? null : trace.durationMs() / e.p99Ms(), reason, anomalousSpans);
  }

  private boolean slowEnough(double actualMs, double medianMs, double minExcessMs) {
    return actualMs >= options.minRelativeExcess() * medianMs && actualMs - medianMs >= minExcessMs;
  }

  private static boolean isLeafKind(SpanKind kind) {
    return kind == SpanKind.LLM || kind == SpanKind.EMBEDDING || kind == SpanKind.RETRIEVER || kind == SpanKind.TOOL;
  }
}
