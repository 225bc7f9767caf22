package io.llmtraces.scoring;

import io.llmtraces.model.SpanScore;

/**
 * A scored span on its way to the {@code spans} table: the span as {@code SpanCodec} bytes, as the
 * assembly kept it, with what scoring added. Scoring runs per project, in one subtask for a
 * project; decoding the span's body and building its row happen after the spans are spread over
 * every writer subtask, and bytes cross that exchange in bulk.
 *
 * @param span the span in {@code SpanCodec} form
 * @param traceVersion the version of the trace that writes this span
 * @param ingestedAtMicros when the job wrote it (epoch microseconds)
 */
public record WritableSpan(byte[] span, int traceVersion, long ingestedAtMicros, SpanScore score) {}
