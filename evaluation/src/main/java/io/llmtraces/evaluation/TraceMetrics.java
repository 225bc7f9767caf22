package io.llmtraces.evaluation;

import io.llmtraces.demo.Expectation;
import io.llmtraces.demo.GroundTruth;
import io.llmtraces.demo.LabelledFault;
import io.llmtraces.evaluation.EvaluationReport.TraceResult;
import io.llmtraces.model.AnomalyType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Trace level: is a trace with an anomaly flagged, and how many normal traces are.
 *
 * <p>A trace is anomalous when any of its faults is labelled ANOMALY; exempt when it has none of
 * those but a fault that is not scored; otherwise (only NORMAL faults, or none) a flag on it is a
 * false positive. Normal traces, the false-positive rate's base, have no fault at all.
 *
 * <p>Per type, a trace expects the types its anomalies expect. TRACE_RESPONSE_TIME is expected on
 * traces with a latency anomaly; on a trace with another anomaly (a retried error takes longer) it
 * is not counted either way.
 */
final class TraceMetrics {
  private TraceMetrics() {}

  static TraceResult of(List<GroundTruth> truth, TableRows rows) {
    long tp = 0;
    long fp = 0;
    long fn = 0;
    long normal = 0;
    long flaggedNormal = 0;
    Map<AnomalyType, long[]> byType = new EnumMap<>(AnomalyType.class);
    for (AnomalyType type : AnomalyType.values()) {
      byType.put(type, new long[3]);
    }
    for (GroundTruth t : truth) {
      TraceRow row = rows.trace(t.project(), t.traceId());
      boolean flagged = row != null && row.anomalous();
      boolean anomalous = has(t, Expectation.ANOMALY);
      boolean exempt = !anomalous && has(t, Expectation.UNSCORED);
      if (anomalous) {
        tp += flagged ? 1 : 0;
        fn += flagged ? 0 : 1;
      } else if (!exempt && flagged) {
        fp++;
      }
      if (t.faults().isEmpty()) {
        normal++;
        flaggedNormal += flagged ? 1 : 0;
      }
      for (AnomalyType type : AnomalyType.values()) {
        boolean expects = expects(t, type);
        boolean flaggedType = row != null && row.flagged(type);
        boolean notCounted = exempt || (type == AnomalyType.TRACE_RESPONSE_TIME && anomalous);
        long[] c = byType.get(type);
        if (expects) {
          c[flaggedType ? 0 : 2]++;
        } else if (flaggedType && !notCounted) {
          c[1]++;
        }
      }
    }
    Map<AnomalyType, Counts> types = new EnumMap<>(AnomalyType.class);
    byType.forEach((type, c) -> types.put(type, new Counts(c[0], c[1], c[2])));
    Counts counts = new Counts(tp, fp, fn);
    return new TraceResult(
        counts,
        counts.precision(),
        counts.recall(),
        normal,
        flaggedNormal,
        Counts.ratio(flaggedNormal, normal),
        types);
  }

  private static boolean has(GroundTruth t, Expectation e) {
    return t.faults().stream().anyMatch(f -> f.expectation() == e);
  }

  private static boolean expects(GroundTruth t, AnomalyType type) {
    AnomalyType spanType =
        type == AnomalyType.TRACE_RESPONSE_TIME ? AnomalyType.SPAN_RESPONSE_TIME : type;
    for (LabelledFault f : t.faults()) {
      if (f.expected().contains(spanType)) {
        return true;
      }
    }
    return false;
  }
}
