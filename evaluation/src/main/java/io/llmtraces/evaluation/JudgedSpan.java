package io.llmtraces.evaluation;

import io.llmtraces.demo.Expectation;
import io.llmtraces.demo.GroundTruth;
import io.llmtraces.demo.LabelledFault;
import io.llmtraces.model.AnomalyType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A span of a labelled trace: its labelled faults (none for a span nothing happened to) joined with
 * its table row (null when the row is missing).
 */
public record JudgedSpan(
    GroundTruth trace, String spanId, List<LabelledFault> faults, SpanRow row) {

  /** The anomaly types its faults expect: the union over its ANOMALY faults. */
  public Set<AnomalyType> expected() {
    Set<AnomalyType> out = EnumSet.noneOf(AnomalyType.class);
    for (LabelledFault f : faults) {
      out.addAll(f.expected());
    }
    return out;
  }

  /** True when a fault exempts it from false alarms (a new key's first samples, slight drift). */
  public boolean exempt() {
    return faults.stream().anyMatch(f -> f.expectation() == Expectation.UNSCORED);
  }

  /** True when it is a labelled anomaly of any type. */
  public boolean anomaly() {
    return faults.stream().anyMatch(f -> f.expectation() == Expectation.ANOMALY);
  }

  /** Flagged with {@code type} in its row. */
  public boolean flagged(AnomalyType type) {
    return row != null && row.flagged(type);
  }

  /** Flagged with any type. */
  public boolean flagged() {
    return row != null && row.anomalous();
  }

  /**
   * Every span of the labelled traces: those the ground truth names, found or not, and every other
   * row of those traces (unlabelled: a flag on one is a false alarm).
   */
  public static List<JudgedSpan> join(List<GroundTruth> truth, TableRows rows) {
    Map<String, GroundTruth> byTrace = new HashMap<>();
    Map<String, JudgedSpan> out = new LinkedHashMap<>();
    for (GroundTruth t : truth) {
      byTrace.put(TableRows.traceKey(t.project(), t.traceId()), t);
      Map<String, List<LabelledFault>> bySpan = new LinkedHashMap<>();
      for (LabelledFault f : t.faults()) {
        bySpan.computeIfAbsent(f.spanId(), id -> new ArrayList<>()).add(f);
      }
      bySpan.forEach(
          (spanId, faults) ->
              out.put(
                  key(t, spanId),
                  new JudgedSpan(t, spanId, faults, rows.span(t.project(), t.traceId(), spanId))));
    }
    for (SpanRow row : rows.spans()) {
      GroundTruth t = byTrace.get(TableRows.traceKey(row.project(), row.traceId()));
      if (t != null) {
        out.putIfAbsent(key(t, row.spanId()), new JudgedSpan(t, row.spanId(), List.of(), row));
      }
    }
    return new ArrayList<>(out.values());
  }

  private static String key(GroundTruth t, String spanId) {
    return t.project() + '\n' + t.traceId() + '\n' + spanId;
  }
}
