package io.llmtraces.trace;

import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.model.TraceSummary;
import java.util.List;

/**
 * A trace version as the assembler closes it: its summary and the spans it writes (all of them
 * for version 1, only the late ones for later versions).
 */
public record ClosedTrace(TraceSummary summary, List<NormalizedSpan> spans) {}
