package io.llmtraces.ui.query;

import java.util.List;
import java.util.Map;

/**
 * A trace with its spans, for the expanded row and the JSON download.
 *
 * @param spanJson raw OTLP/JSON of each span by span id; empty unless asked for
 */
public record TraceDetail(TraceRow trace, Map<String, Object> fields, List<SpanDetail> spans, Map<String, String> spanJson) {}
