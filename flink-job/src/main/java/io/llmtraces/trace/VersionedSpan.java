package io.llmtraces.trace;

import io.llmtraces.model.NormalizedSpan;

/**
 * A span as written to the {@code spans} table: with the trace version that first wrote it.
 *
 * @param ingestedAtMicros when the job wrote it (epoch microseconds)
 */
public record VersionedSpan(NormalizedSpan span, int traceVersion, long ingestedAtMicros) {}
