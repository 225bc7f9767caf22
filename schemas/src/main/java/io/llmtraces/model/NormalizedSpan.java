package io.llmtraces.model;

import java.util.Map;

/**
 * One span with the canonical LLM fields filled from whichever attribute family the SDK used.
 *
 * <p>Token counts are boxed: {@code null} means the SDK did not report them, which is not zero.
 * Times are epoch microseconds (the precision of Iceberg's timestamptz).
 */
public record NormalizedSpan(
    String project,
    String traceId,
    String spanId,
    String parentSpanId,
    String name,
    SpanKind kind,
    String serviceName,
    String workflowName,
    String entityName,
    long startMicros,
    long endMicros,
    double durationMs,
    String statusCode,
    String statusMessage,
    boolean isError,
    String errorType,
    String model,
    String responseModel,
    String embeddingModel,
    String provider,
    Long inputTokens,
    Long outputTokens,
    Long totalTokens,
    Long cacheReadTokens,
    Long reasoningTokens,
    long tokenSizeBytes,
    boolean hasPrompt,
    boolean hasResponse,
    String finishReason,
    boolean isStreaming,
    Double ttftMs,
    String sessionId,
    String userId,
    Map<String, String> attributes,
    String spanJson) {

  /** True for a span without a parent inside the trace. */
  public boolean isRoot() {
    return parentSpanId == null || parentSpanId.isEmpty();
  }

  /** True for a call to a model (chat, completion, embedding), the spans whose tokens are summed. */
  public boolean isLlmCall() {
    return kind == SpanKind.LLM || kind == SpanKind.EMBEDDING;
  }

  /** This span with another attribute map and span_json. */
  public NormalizedSpan withBody(Map<String, String> newAttributes, String newSpanJson) {
    return new NormalizedSpan(
        project, traceId, spanId, parentSpanId, name, kind, serviceName, workflowName, entityName,
        startMicros, endMicros, durationMs, statusCode, statusMessage, isError, errorType, model,
        responseModel, embeddingModel, provider, inputTokens, outputTokens, totalTokens,
        cacheReadTokens, reasoningTokens, tokenSizeBytes, hasPrompt, hasResponse, finishReason,
        isStreaming, ttftMs, sessionId, userId, newAttributes, newSpanJson);
  }
}
