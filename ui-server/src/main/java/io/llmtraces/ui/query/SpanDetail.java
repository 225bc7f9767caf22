package io.llmtraces.ui.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A span as the expanded row shows it: its own fields and the anomaly engine's analysis of it. */
public record SpanDetail(
    String spanId,
    String parentSpanId,
    String name,
    String kind,
    String serviceName,
    Instant startTime,
    double durationMs,
    Double selfTimeMs,
    String statusCode,
    String statusMessage,
    boolean isError,
    String errorType,
    String model,
    String responseModel,
    String provider,
    Long inputTokens,
    Long outputTokens,
    Long totalTokens,
    long tokenSizeBytes,
    boolean hasPrompt,
    boolean hasResponse,
    boolean isStreaming,
    Double ttftMs,
    double anomalyScore,
    List<String> anomalyTypes,
    boolean isAnomalous,
    Double expectedMs,
    Double expectedP99Ms,
    Long baselineSamples,
    String baselineKey,
    Double durationRatio,
    String explanation,
    Map<String, String> attributes,
    Integer traceVersion) {}
