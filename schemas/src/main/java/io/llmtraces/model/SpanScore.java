package io.llmtraces.model;

import java.util.List;

/**
 * What the anomaly engine concluded about one span, and what it judged it against, frozen at
 * scoring time so that the explanation stays true when the baseline moves on.
 *
 * @param score 0-100, higher is worse
 * @param selfTimeMs the time judged: duration minus the time covered by its children
 * @param expectedMs median of the baseline (for LLM calls: for its output tokens); null when no
 *     baseline had enough samples
 * @param expectedP99Ms p99 of the baseline
 * @param baselineSamples samples the baseline had seen
 * @param baselineKey the baseline used, after back-off
 * @param ratio judged time / expectedP99Ms
 */
public record SpanScore(
    double score,
    List<AnomalyType> types,
    boolean anomalous,
    double selfTimeMs,
    Double expectedMs,
    Double expectedP99Ms,
    Long baselineSamples,
    String baselineKey,
    Double ratio,
    String explanation) implements Verdict {}
