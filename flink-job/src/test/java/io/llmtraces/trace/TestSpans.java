package io.llmtraces.trace;

import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.model.SpanKind;
import java.util.Map;

/** Builds normalized spans for tests with only the fields a test cares about. */
final class TestSpans {
  static final String PROJECT = "shop-assistant";
  static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

  private TestSpans() {}

  static NormalizedSpan root(String spanId, long startMs, long endMs) {
    return span(spanId, null, SpanKind.WORKFLOW, startMs, endMs, null, null, null);
  }

  /** A root span of another trace of the same project. */
  static NormalizedSpan rootOf(String traceId, String spanId, long startMs, long endMs) {
    NormalizedSpan r = root(spanId, startMs, endMs);
    return new NormalizedSpan(
        r.project(), traceId, r.spanId(), null, r.name(), r.kind(), r.serviceName(), null, null, r.startMicros(),
        r.endMicros(), r.durationMs(), r.statusCode(), null, false, null, null, null, null, null, null, null, null,
        null, null, 0, false, false, null, false, null, r.sessionId(), r.userId(), Map.of(), "{}");
  }

  static NormalizedSpan child(String spanId, String parent, long startMs, long endMs) {
    return span(spanId, parent, SpanKind.TASK, startMs, endMs, null, null, null);
  }

  static NormalizedSpan llm(String spanId, String parent, long startMs, long endMs, String model, Long in, Long out) {
    return span(spanId, parent, SpanKind.LLM, startMs, endMs, model, in, out);
  }

  static NormalizedSpan span(
      String spanId, String parent, SpanKind kind, long startMs, long endMs, String model, Long in, Long out) {
    Long total = in != null && out != null ? in + out : null;
    return new NormalizedSpan(
        PROJECT, TRACE, spanId, parent, kind.label() + "-" + spanId, kind, "svc", null, null,
        startMs * 1000, endMs * 1000, endMs - startMs, "UNSET", null, false, null,
        model, null, null, model == null ? null : "openai", in, out, total, null, null,
        kind == SpanKind.LLM ? 100 : 0, kind == SpanKind.LLM, kind == SpanKind.LLM, null, false, null,
        "session-1", "user-1", Map.of(), "{}");
  }

  static NormalizedSpan withError(NormalizedSpan s) {
    return new NormalizedSpan(
        s.project(), s.traceId(), s.spanId(), s.parentSpanId(), s.name(), s.kind(), s.serviceName(),
        s.workflowName(), s.entityName(), s.startMicros(), s.endMicros(), s.durationMs(), "ERROR", "boom", true,
        "TimeoutError", s.model(), s.responseModel(), s.embeddingModel(), s.provider(), s.inputTokens(),
        s.outputTokens(), s.totalTokens(), s.cacheReadTokens(), s.reasoningTokens(), s.tokenSizeBytes(),
        s.hasPrompt(), s.hasResponse(), s.finishReason(), s.isStreaming(), s.ttftMs(), s.sessionId(), s.userId(),
        s.attributes(), s.spanJson());
  }

  static NormalizedSpan withService(NormalizedSpan s, String service) {
    return new NormalizedSpan(
        s.project(), s.traceId(), s.spanId(), s.parentSpanId(), s.name(), s.kind(), service,
        s.workflowName(), s.entityName(), s.startMicros(), s.endMicros(), s.durationMs(), s.statusCode(),
        s.statusMessage(), s.isError(), s.errorType(), s.model(), s.responseModel(), s.embeddingModel(),
        s.provider(), s.inputTokens(), s.outputTokens(), s.totalTokens(), s.cacheReadTokens(),
        s.reasoningTokens(), s.tokenSizeBytes(), s.hasPrompt(), s.hasResponse(), s.finishReason(),
        s.isStreaming(), s.ttftMs(), s.sessionId(), s.userId(), s.attributes(), s.spanJson());
  }
}
