package io.llmtraces.evaluation;

import io.llmtraces.demo.Expectation;
import io.llmtraces.model.AnomalyType;
import java.util.List;
import java.util.Map;

/**
 * Everything one evaluation found; {@link MarkdownReport} renders it, Jackson writes it as JSON.
 * Ratios are null where undefined (nothing to divide by).
 */
public record EvaluationReport(
    Coverage coverage,
    List<TypeResult> spanTypes,
    List<ScenarioResult> scenarios,
    List<FlagRateResult> flagRates,
    TraceResult traces,
    List<NewKeyResult> newKeys,
    ShiftResult shift,
    List<TargetResult> targets) {

  /**
   * How much of the ground truth the tables hold, and whether the job scored it.
   *
   * @param truthTraces traces in the ground truth
   * @param missingTraces of those, not in the traces table
   * @param tracesInPieces of those, written as two rows of the same version (spans that came after
   *     the job had forgotten the trace), or whose latest row lacks spans
   * @param labelledSpans spans named by a fault
   * @param missingSpans of those, not in the spans table
   * @param judgedSpans spans of labelled traces the evaluation looked at
   * @param unscoredSpans of those, with null anomaly columns
   * @param unscoredTraces traces with null anomaly columns
   */
  public record Coverage(
      long truthTraces,
      long missingTraces,
      long tracesInPieces,
      long labelledSpans,
      long missingSpans,
      long judgedSpans,
      long unscoredSpans,
      long unscoredTraces) {

    /** True when nothing at all was scored: the job runs without the scoring engine. */
    public boolean nothingScored() {
      return judgedSpans > 0 && unscoredSpans == judgedSpans;
    }
  }

  /** Span-level precision and recall of one anomaly type. */
  public record TypeResult(AnomalyType type, Counts counts, Double precision, Double recall) {}

  /**
   * Labelled anomalies of one scenario and magnitude, for one expected type.
   *
   * @param spans labelled spans
   * @param flagged of those, flagged with the type
   * @param recall flagged / spans
   * @param precision at the type's prevalence ({@link Counts#precisionAtPrevalence})
   * @param traces traces holding them
   * @param flaggedTraces of those, flagged anomalous
   * @param traceRecall flaggedTraces / traces
   */
  public record ScenarioResult(
      String scenario,
      String magnitude,
      AnomalyType type,
      long spans,
      long flagged,
      Double recall,
      Double precision,
      long traces,
      long flaggedTraces,
      Double traceRecall) {}

  /**
   * Spans that must not be flagged (NORMAL) or that are not scored (UNSCORED): how often they were.
   *
   * @param byType flags per anomaly type
   */
  public record FlagRateResult(
      String scenario,
      String magnitude,
      Expectation expectation,
      long spans,
      long flagged,
      Double flagRate,
      Map<AnomalyType, Long> byType) {}

  /**
   * Trace level: a trace is anomalous when any of its faults is an anomaly, normal when it has no
   * fault at all.
   *
   * @param counts flagged anomalous traces (tp), flagged traces without an anomaly and not exempt
   *     (fp), anomalous traces not flagged (fn)
   * @param normalTraces traces without any fault
   * @param flaggedNormal of those, flagged
   * @param falsePositiveRate flaggedNormal / normalTraces
   * @param byType trace-level counts per type in {@code anomaly_types}
   */
  public record TraceResult(
      Counts counts,
      Double precision,
      Double recall,
      long normalTraces,
      long flaggedNormal,
      Double falsePositiveRate,
      Map<AnomalyType, Counts> byType) {}

  /**
   * A model key that did not exist before (an upgrade or a brand-new model).
   *
   * @param model the model name on its spans
   * @param samples its spans without another anomaly (clean samples)
   * @param firstSamples clean samples among its first {@code window}
   * @param firstAlerts of those, flagged
   * @param adaptedAfterSamples clean samples before its flag rate fell under 1 % for good; null
   *     when it never did within the run
   * @param adaptedAfterMinutes simulated minutes from its first sample to that point
   * @param laterFlagRate flag rate of the samples after the allowance
   * @param traceAdaptedAfterSamples the same measure on the traces using the model
   * @param traceAdaptedAfterMinutes the same measure on the traces using the model
   */
  public record NewKeyResult(
      String scenario,
      String model,
      long samples,
      int window,
      long firstSamples,
      long firstAlerts,
      Long adaptedAfterSamples,
      Double adaptedAfterMinutes,
      Double laterFlagRate,
      Long traceAdaptedAfterSamples,
      Double traceAdaptedAfterMinutes) {}

  /**
   * The fault shift: how soon it was noticed, and whether it stayed noticed.
   *
   * @param samples shifted spans
   * @param detectionDelaySeconds simulated seconds from the first shifted span to the first one
   *     flagged; null when none was
   * @param samplesBeforeDetection shifted spans before that one
   * @param recallFirstHalf recall over the first half of the shifted spans
   * @param recallSecondHalf recall over the second half (a baseline that absorbs the fault drops)
   */
  public record ShiftResult(
      long samples,
      Double detectionDelaySeconds,
      Long samplesBeforeDetection,
      Double recallFirstHalf,
      Double recallSecondHalf) {}

  /**
   * One target of the labelled run, and whether it was met (null: not measurable).
   *
   * @param kind how the value reads: a ratio, a share (shown in %) or a count
   */
  public record TargetResult(
      String target, String measure, Kind kind, Double value, String bound, Boolean met) {
    /** How a target's value reads. */
    public enum Kind {
      RATIO,
      SHARE,
      COUNT
    }
  }
}
