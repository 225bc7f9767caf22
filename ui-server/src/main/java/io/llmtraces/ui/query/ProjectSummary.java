package io.llmtraces.ui.query;

import java.time.Instant;

/** A project seen in the data, for the project drop-down. */
public record ProjectSummary(String name, long traceCount, long anomalousTraceCount, Instant lastSeen) {}
