package io.llmtraces.model;

import java.util.List;

/**
 * What the anomaly engine concluded about a trace: its own duration judged against its
 * workflow's baseline, combined with its spans' scores.
 *
 * @param score 0-100, higher is worse
 * @param expectedMs median trace duration of the baseline; null without one
 * @param ratio duration / expectedP99Ms
 */
public record TraceScore(
    double score,
    List<AnomalyType> types,
    boolean anomalous,
    Double expectedMs,
    Double expectedP99Ms,
    Long baselineSamples,
    String baselineKey,
    Double ratio,
    String explanation,
    int anomalousSpanCount) implements Verdict {}
