package io.llmtraces.demo;

import static io.llmtraces.model.AnomalyType.SPAN_ERROR;
import static io.llmtraces.model.AnomalyType.SPAN_NO_PROMPT_RESPONSE;
import static io.llmtraces.model.AnomalyType.SPAN_RESPONSE_TIME;

import io.llmtraces.model.AnomalyType;
import java.util.List;
import java.util.Locale;

/**
 * The ground truth's rule book: which anomaly types each fault should produce, which must not be
 * flagged, and which are not scored. {@code docs/anomaly-detection.md} has the same table.
 */
public final class Labels {
  private Labels() {}

  /** The fault with its label, under the allowances of {@code scenario}. */
  public static LabelledFault label(Fault fault, LabelledScenario scenario) {
    Expectation expectation = expectation(fault, scenario);
    List<AnomalyType> expected =
        expectation == Expectation.ANOMALY ? expectedTypes(fault.type()) : List.of();
    return new LabelledFault(
        fault.type(),
        fault.spanIdHex(),
        fault.injected(),
        fault.magnitude(),
        fault.detail(),
        scenarioOf(fault),
        expectation,
        expected);
  }

  /** The scenario name: the type in lower case, {@code natural_} first for natural faults. */
  public static String scenarioOf(Fault fault) {
    String name = fault.type().name().toLowerCase(Locale.ROOT);
    return fault.injected() ? name : "natural_" + name;
  }

  private static Expectation expectation(Fault fault, LabelledScenario scenario) {
    return switch (fault.type()) {
        // A cut-off trace: its failing span carries an ERROR or TIMEOUT of its own.
      case UNEXPORTED_SPANS -> Expectation.UNSCORED;
        // Slight drift is within normal variation; from the threshold on it is a degradation.
      case DRIFT ->
          fault.magnitude() >= scenario.drift().anomalousFrom()
              ? Expectation.ANOMALY
              : Expectation.UNSCORED;
      case STREAM_WITHOUT_USAGE -> Expectation.NORMAL;
        // A new key's first samples may alarm while it has no baseline; later ones must not.
      case MODEL_UPGRADE, NEW_MODEL ->
          fault.magnitude() <= scenario.newKeyAllowance()
              ? Expectation.UNSCORED
              : Expectation.NORMAL;
      default -> Expectation.ANOMALY;
    };
  }

  private static List<AnomalyType> expectedTypes(FaultType type) {
    return switch (type) {
      case ERROR, ERROR_BURST -> List.of(SPAN_ERROR);
        // The call waited for the whole client timeout, then failed.
      case TIMEOUT -> List.of(SPAN_ERROR, SPAN_RESPONSE_TIME);
        // An abandoned stream recorded no answer and no usage: the page cannot tell it from empty.
      case EMPTY_RESPONSE, ABANDONED_STREAM -> List.of(SPAN_NO_PROMPT_RESPONSE);
      case SPIKE, WARMUP_SPIKE, LEVEL_SHIFT, DRIFT -> List.of(SPAN_RESPONSE_TIME);
      default -> throw new IllegalArgumentException(type + " is never an anomaly");
    };
  }
}
