package io.llmtraces.evaluation;

import io.llmtraces.evaluation.EvaluationReport.FlagRateResult;
import io.llmtraces.evaluation.EvaluationReport.NewKeyResult;
import io.llmtraces.evaluation.EvaluationReport.ScenarioResult;
import io.llmtraces.evaluation.EvaluationReport.TargetResult;
import io.llmtraces.evaluation.EvaluationReport.TargetResult.Kind;
import io.llmtraces.evaluation.EvaluationReport.TraceResult;
import io.llmtraces.model.AnomalyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The targets of the labelled run, checked against what an evaluation found. */
final class Targets {
  /** Spikes from this magnitude on are the ones the precision and recall targets are about. */
  static final double SPIKES_FROM = 3;

  /**
   * The bounds to meet.
   *
   * @param precisionRecall least precision and recall for spikes of x3 and more, errors and empty
   *     responses
   * @param falsePositiveRate most normal traces flagged, as a share
   * @param newKeyAlerts most alerts among a new model's first 50 clean samples
   */
  record Bounds(double precisionRecall, double falsePositiveRate, long newKeyAlerts) {
    /** The targets of the default labelled run (the issue's). */
    static final Bounds DEFAULT = new Bounds(0.95, 0.005, 2);
  }

  private Targets() {}

  static List<TargetResult> check(
      Bounds bounds,
      Map<AnomalyType, Counts> types,
      List<ScenarioResult> scenarios,
      List<FlagRateResult> flagRates,
      TraceResult traces,
      List<NewKeyResult> newKeys) {
    List<TargetResult> out = new ArrayList<>();
    long spans = 0;
    long flagged = 0;
    for (ScenarioResult r : scenarios) {
      if (r.scenario().equals("spike") && SpanMetrics.order(r.magnitude()) >= SPIKES_FROM) {
        spans += r.spans();
        flagged += r.flagged();
      }
    }
    Double spikeRecall = Counts.ratio(flagged, spans);
    Counts latency = types.get(AnomalyType.SPAN_RESPONSE_TIME);
    String spikes = "spikes x3 and more (" + spans + " spans)";
    atLeast(
        out,
        spikes,
        "span precision at type prevalence",
        Counts.precisionAtPrevalence(spikeRecall, latency),
        bounds.precisionRecall());
    atLeast(out, spikes, "span recall", spikeRecall, bounds.precisionRecall());
    for (AnomalyType type : List.of(AnomalyType.SPAN_ERROR, AnomalyType.SPAN_NO_PROMPT_RESPONSE)) {
      Counts c = types.get(type);
      String what =
          (type == AnomalyType.SPAN_ERROR ? "errors" : "empty responses")
              + " ("
              + c.positives()
              + " spans)";
      atLeast(out, what, type + " precision", c.precision(), bounds.precisionRecall());
      atLeast(out, what, type + " recall", c.recall(), bounds.precisionRecall());
    }
    out.add(
        new TargetResult(
            "normal traces (" + traces.normalTraces() + ")",
            "flagged share",
            Kind.SHARE,
            traces.falsePositiveRate(),
            "<= " + MarkdownReport.percent(bounds.falsePositiveRate()),
            traces.falsePositiveRate() == null
                ? null
                : traces.falsePositiveRate() <= bounds.falsePositiveRate()));
    for (NewKeyResult k : newKeys) {
      out.add(
          new TargetResult(
              "new model " + k.model() + " (" + k.scenario() + ")",
              "alerts in first " + k.window() + " samples",
              Kind.COUNT,
              (double) k.firstAlerts(),
              "<= " + bounds.newKeyAlerts(),
              k.firstSamples() == 0 ? null : k.firstAlerts() <= bounds.newKeyAlerts()));
    }
    long streamsFlaggedEmpty = 0;
    boolean anyStream = false;
    for (FlagRateResult r : flagRates) {
      if (r.scenario().equals("stream_without_usage")) {
        anyStream = true;
        streamsFlaggedEmpty += r.byType().getOrDefault(AnomalyType.SPAN_NO_PROMPT_RESPONSE, 0L);
      }
    }
    out.add(
        new TargetResult(
            "streamed calls without usage",
            "flagged SPAN_NO_PROMPT_RESPONSE",
            Kind.COUNT,
            anyStream ? (double) streamsFlaggedEmpty : null,
            "= 0",
            anyStream ? streamsFlaggedEmpty == 0 : null));
    return out;
  }

  private static void atLeast(
      List<TargetResult> out, String target, String measure, Double value, double bound) {
    out.add(
        new TargetResult(
            target,
            measure,
            Kind.RATIO,
            value,
            ">= " + bound,
            value == null ? null : value >= bound));
  }
}
