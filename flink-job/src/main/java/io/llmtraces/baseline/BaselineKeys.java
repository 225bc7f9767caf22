package io.llmtraces.baseline;

import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.model.TraceSummary;
import java.util.List;

/**
 * The keys a sample is judged under, finest first: a key with too few samples backs off to the
 * next one, so rare spans and new models are still judged without a cold-start flood. All stay
 * within the project (keyed state is per project). Parts are joined with {@code |}.
 */
public final class BaselineKeys {
  private BaselineKeys() {}

  /** (service, span name, model), then (span name, model), then (model or kind, kind). */
  public static List<String> forSpan(NormalizedSpan span) {
    String model = span.model() != null ? span.model() : span.embeddingModel();
    String m = model == null ? "-" : model;
    String kind = span.kind().label();
    return List.of(
        "span|" + span.serviceName() + "|" + span.name() + "|" + m,
        "span|*|" + span.name() + "|" + m,
        "kind|" + kind + "|" + m);
  }

  /** The trace's workflow, then every trace of the project. */
  public static List<String> forTrace(TraceSummary trace) {
    String workflow = trace.workflowName() != null ? trace.workflowName() : trace.rootSpanName();
    return List.of("trace|" + workflow, "trace|*");
  }
}
