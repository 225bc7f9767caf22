package io.llmtraces.scoring;

import io.llmtraces.model.TraceScore;
import io.llmtraces.model.TraceSummary;

/** A trace version with its score: a row of the {@code traces} table. */
public record ScoredTrace(TraceSummary summary, TraceScore score) {}
