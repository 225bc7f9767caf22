package io.llmtraces.ingest;

import io.llmtraces.model.SpanKind;
import io.llmtraces.otlp.Strings;

/**
 * Folds the span-kind vocabularies of iftracer/Traceloop, OpenInference, OTel GenAI operation
 * names and Traceloop's request type into one {@link SpanKind}.
 *
 * <p>Sources are read in priority order; a value that no vocabulary knows (or "unknown") falls
 * through to the next source. Then a model attribute means LLM (an embedding model alone means
 * EMBEDDING), else OTHER. Decisions beyond one-to-one names:
 * <ul>
 *   <li>OpenInference CHAIN is WORKFLOW on a root span (the app's entry point) and TASK below it
 *       (a step), matching the iftracer decorators' workflow/task split.
 *   <li>RERANKER and {@code rerank} are RETRIEVER: reranking is part of retrieval and is not a
 *       generation call whose tokens the trace should sum.
 *   <li>GUARDRAIL and EVALUATOR are OTHER: checks around the model, not tools it calls; a model
 *       call they make has its own LLM span.
 *   <li>{@code invoke_agent} and {@code create_agent} are AGENT; {@code retrieval} is RETRIEVER.
 * </ul>
 */
final class KindClassifier {
  private KindClassifier() {}

  static SpanKind classify(SpanAttributes attributes, boolean isRoot) {
    for (String key : AttributeKeys.SPAN_KIND) {
      String value = attributes.text(key);
      if (value != null) {
        SpanKind kind = fromLabel(Strings.asciiLower(value.trim()), isRoot);
        if (kind != null) {
          return kind;
        }
      }
    }
    if (attributes.hasAny(AttributeKeys.REQUEST_MODEL)
        || attributes.hasAny(AttributeKeys.RESPONSE_MODEL)) {
      return SpanKind.LLM;
    }
    if (attributes.hasAny(AttributeKeys.EMBEDDING_MODEL)) {
      return SpanKind.EMBEDDING;
    }
    return SpanKind.OTHER;
  }

  /** The kind a lower-case label names in any of the vocabularies; null when none knows it. */
  static SpanKind fromLabel(String label, boolean isRoot) {
    return switch (label) {
      case "workflow" -> SpanKind.WORKFLOW;
      case "task" -> SpanKind.TASK;
      case "chain" -> isRoot ? SpanKind.WORKFLOW : SpanKind.TASK;
      case "agent", "invoke_agent", "create_agent" -> SpanKind.AGENT;
      case "tool", "execute_tool" -> SpanKind.TOOL;
      case "llm", "chat", "completion", "text_completion", "generate_content" -> SpanKind.LLM;
      case "embedding", "embeddings" -> SpanKind.EMBEDDING;
      case "retriever", "retrieval", "reranker", "rerank" -> SpanKind.RETRIEVER;
      case "guardrail", "evaluator" -> SpanKind.OTHER;
      default -> null;
    };
  }
}
