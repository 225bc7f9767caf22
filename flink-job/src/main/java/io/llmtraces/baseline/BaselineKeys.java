package io.llmtraces.baseline;

import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.model.SpanKind;
import io.llmtraces.model.TraceSummary;
import java.util.List;

/**
 * The keys a sample is judged under, finest first: a key with too few samples backs off to the
 * next one, so rare spans and new models are still judged without a cold-start flood. All stay
 * within the project (keyed state is per project). Parts are joined with {@code |}.
 */
public final class BaselineKeys {
  private BaselineKeys() {}

  /** Marks a key whose samples all had about the same number of output tokens. */
  public static final String TOKEN_BUCKET = "|out<";

  /**
   * (service, span name, model), then (span name, model), then (kind, model). An LLM call with
   * known output tokens is first judged among calls of the same key with about as many tokens
   * (a power-of-two bucket): short answers vary more (queueing before the first token dominates)
   * than long ones (decoding dominates), so one spread for all lengths would be wrong for both.
   */
  public static List<String> forSpan(NormalizedSpan span) {
    String model = span.model() != null ? span.model() : span.embeddingModel();
    String m = model == null ? "-" : model;
    String kind = span.kind().label();
    String service = "span|" + span.serviceName() + "|" + span.name() + "|" + m;
    List<String> keys = List.of(service, "span|*|" + span.name() + "|" + m, "kind|" + kind + "|" + m);
    if (span.kind() == SpanKind.LLM && span.outputTokens() != null) {
      long bucket = Long.highestOneBit(span.outputTokens() + 1) * 2;
      return List.of(service + TOKEN_BUCKET + bucket, keys.get(0), keys.get(1), keys.get(2));
    }
    return keys;
  }

  /** The trace's workflow, then every trace of the project. */
  public static List<String> forTrace(TraceSummary trace) {
    String workflow = trace.workflowName() != null ? trace.workflowName() : trace.rootSpanName();
    return List.of("trace|" + workflow, "trace|*");
  }
}
