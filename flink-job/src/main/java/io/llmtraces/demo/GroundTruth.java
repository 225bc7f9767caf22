package io.llmtraces.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of the ground truth file: a generated trace and its labelled faults (none for a normal
 * trace).
 *
 * @param project the project the trace is filed under
 * @param traceId 32 lower-case hex digits
 * @param startMicros when its root started, epoch microseconds of the simulated clock
 * @param spanCount spans exported (the job writes exactly these)
 * @param faults its faults with their labels, in the order they were recorded
 */
public record GroundTruth(
    String project, String traceId, long startMicros, int spanCount, List<LabelledFault> faults) {

  public GroundTruth {
    faults = List.copyOf(faults);
  }

  /** The ground truth of a generated trace under the labels of {@code scenario}. */
  public static GroundTruth of(GeneratedTrace trace, LabelledScenario scenario) {
    List<LabelledFault> labelled = new ArrayList<>(trace.faults().size());
    for (Fault f : trace.faults()) {
      labelled.add(Labels.label(f, scenario));
    }
    return new GroundTruth(
        trace.project(), trace.traceIdHex(), trace.startMicros(), trace.spanCount(), labelled);
  }
}
