package io.llmtraces.demo;

import io.llmtraces.model.AnomalyType;
import java.util.List;

/**
 * One fault of a trace with its label: what the detector should make of it.
 *
 * @param type what happened
 * @param spanId the span it happened to, 16 hex digits
 * @param injected true for injected anomalies, false for the generator's natural faults
 * @param magnitude a latency factor, a count of dropped spans, a new model's sample number; 1 when
 *     it has no size (see {@link FaultType})
 * @param detail a short human-readable note
 * @param scenario the scenario that produced it: the fault type in lower case, prefixed with {@code
 *     natural_} for natural faults
 * @param expectation flag it, do not flag it, or either
 * @param expected the anomaly types it should produce; empty unless {@link Expectation#ANOMALY}
 */
public record LabelledFault(
    FaultType type,
    String spanId,
    boolean injected,
    double magnitude,
    String detail,
    String scenario,
    Expectation expectation,
    List<AnomalyType> expected) {

  public LabelledFault {
    expected = List.copyOf(expected);
    if ((expectation == Expectation.ANOMALY) == expected.isEmpty()) {
      throw new IllegalArgumentException(
          "expected types go with ANOMALY and only with it: " + expectation + " " + expected);
    }
  }
}
