package io.llmtraces.scoring;

import io.llmtraces.model.AnomalyType;
import java.util.List;

/**
 * What an earlier version of a trace scored, kept for a while so that a later version (late
 * spans) combines with it instead of starting over.
 *
 * @param judgedSpans spans whose time was judged, for the multiple-comparison correction
 */
public record PriorScore(double score, List<AnomalyType> types, int judgedSpans, int anomalousSpans) {}
