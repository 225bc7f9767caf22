package io.llmtraces.evaluation;

import io.llmtraces.demo.FaultType;
import io.llmtraces.demo.LabelledFault;
import io.llmtraces.evaluation.EvaluationReport.ShiftResult;
import io.llmtraces.model.AnomalyType;
import java.util.Comparator;
import java.util.List;

/**
 * The fault shift: simulated time and samples from its first shifted span to the first one flagged
 * SPAN_RESPONSE_TIME, and recall over its first and second half (a baseline that absorbs a fault
 * loses it in the second half).
 */
final class ShiftMetrics {
  private ShiftMetrics() {}

  /** Null when the run has no shift. */
  static ShiftResult of(List<JudgedSpan> spans) {
    List<JudgedSpan> shifted =
        spans.stream()
            .filter(
                s ->
                    s.faults().stream()
                        .map(LabelledFault::type)
                        .anyMatch(FaultType.LEVEL_SHIFT::equals))
            .sorted(
                Comparator.comparingLong((JudgedSpan s) -> s.trace().startMicros())
                    .thenComparing(JudgedSpan::spanId))
            .toList();
    if (shifted.isEmpty()) {
      return null;
    }
    int first = -1;
    for (int i = 0; i < shifted.size() && first < 0; i++) {
      first = shifted.get(i).flagged(AnomalyType.SPAN_RESPONSE_TIME) ? i : -1;
    }
    int half = shifted.size() / 2;
    return new ShiftResult(
        shifted.size(),
        first < 0
            ? null
            : (shifted.get(first).trace().startMicros() - shifted.get(0).trace().startMicros())
                / 1e6,
        first < 0 ? null : (long) first,
        recall(shifted.subList(0, half)),
        recall(shifted.subList(half, shifted.size())));
  }

  private static Double recall(List<JudgedSpan> spans) {
    long flagged = spans.stream().filter(s -> s.flagged(AnomalyType.SPAN_RESPONSE_TIME)).count();
    return Counts.ratio(flagged, spans.size());
  }
}
