package io.llmtraces.scoring;

import io.llmtraces.model.SpanScore;
import io.llmtraces.trace.VersionedSpan;

/** A span with its score: a row of the {@code spans} table. */
public record ScoredSpan(VersionedSpan span, SpanScore score) {}
