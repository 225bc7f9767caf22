package io.llmtraces.evaluation;

import io.llmtraces.demo.FaultType;
import io.llmtraces.demo.GroundTruth;
import io.llmtraces.evaluation.EvaluationReport.Coverage;
import io.llmtraces.evaluation.EvaluationReport.FlagRateResult;
import io.llmtraces.evaluation.EvaluationReport.NewKeyResult;
import io.llmtraces.evaluation.EvaluationReport.ScenarioResult;
import io.llmtraces.evaluation.EvaluationReport.TraceResult;
import io.llmtraces.model.AnomalyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compares the anomaly flags in the tables with the ground truth of a labelled run. Pure. */
public final class Evaluator {
  private Evaluator() {}

  /** The evaluation against the targets of the default labelled run. */
  public static EvaluationReport evaluate(List<GroundTruth> truth, TableRows rows) {
    return evaluate(truth, rows, Targets.Bounds.DEFAULT);
  }

  /** The evaluation against other bounds (the integration test's floors). */
  static EvaluationReport evaluate(List<GroundTruth> truth, TableRows rows, Targets.Bounds bounds) {
    List<JudgedSpan> spans = JudgedSpan.join(truth, rows);
    Map<AnomalyType, Counts> types = SpanMetrics.byType(spans);
    List<ScenarioResult> scenarios = SpanMetrics.scenarios(spans, types, rows);
    List<FlagRateResult> flagRates = SpanMetrics.flagRates(spans);
    TraceResult traces = TraceMetrics.of(truth, rows);
    List<NewKeyResult> newKeys = new ArrayList<>();
    for (FaultType type : List.of(FaultType.MODEL_UPGRADE, FaultType.NEW_MODEL)) {
      NewKeyResult k = NewKeyMetrics.of(type, spans, rows);
      if (k != null) {
        newKeys.add(k);
      }
    }
    return new EvaluationReport(
        coverage(truth, rows, spans),
        SpanMetrics.typeResults(types),
        scenarios,
        flagRates,
        traces,
        newKeys,
        ShiftMetrics.of(spans),
        Targets.check(bounds, types, scenarios, flagRates, traces, newKeys));
  }

  private static Coverage coverage(
      List<GroundTruth> truth, TableRows rows, List<JudgedSpan> spans) {
    long missingTraces = 0;
    long inPieces = 0;
    long unscoredTraces = 0;
    for (GroundTruth t : truth) {
      TraceRow row = rows.trace(t.project(), t.traceId());
      if (row == null) {
        missingTraces++;
        continue;
      }
      if (rows.writtenInPieces(t.project(), t.traceId()) || row.spanCount() < t.spanCount()) {
        inPieces++;
      }
      if (!row.scored()) {
        unscoredTraces++;
      }
    }
    long labelled = 0;
    long missing = 0;
    long judged = 0;
    long unscored = 0;
    for (JudgedSpan s : spans) {
      if (!s.faults().isEmpty()) {
        labelled++;
        missing += s.row() == null ? 1 : 0;
      }
      if (s.row() != null) {
        judged++;
        unscored += s.row().scored() ? 0 : 1;
      }
    }
    return new Coverage(
        truth.size(), missingTraces, inPieces, labelled, missing, judged, unscored, unscoredTraces);
  }
}
