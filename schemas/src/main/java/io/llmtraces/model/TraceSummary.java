package io.llmtraces.model;

import java.util.List;

/**
 * One version of an assembled trace: the row of the {@code traces} table.
 *
 * <p>A trace is written again, whole, with a higher {@code version} when spans arrive after it was
 * first written; readers keep the highest version per (project, trace id).
 */
public record TraceSummary(
    String project,
    String traceId,
    int version,
    long startMicros,
    long endMicros,
    double durationMs,
    String rootSpanName,
    String serviceName,
    String workflowName,
    int spanCount,
    int errorCount,
    int llmCallCount,
    List<String> models,
    Long inputTokens,
    Long outputTokens,
    Long totalTokens,
    long tokenSizeBytes,
    boolean rootMissing,
    int droppedSpanCount,
    String sessionId,
    String userId,
    long ingestedAtMicros) {}
