package io.llmtraces.evaluation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rows of a run as the evaluation reads them: latest trace versions and spans, by id. */
public final class TableRows {
  private final Map<String, TraceRow> traces = new HashMap<>();
  private final Map<String, SpanRow> spans = new HashMap<>();

  /** Rows from lists: several versions of a trace keep the highest, as the latest view does. */
  public TableRows(List<TraceRow> traceRows, List<SpanRow> spanRows) {
    for (TraceRow t : traceRows) {
      traces.merge(
          traceKey(t.project(), t.traceId()), t, (a, b) -> a.version() >= b.version() ? a : b);
    }
    for (SpanRow s : spanRows) {
      spans.put(spanKey(s.project(), s.traceId(), s.spanId()), s);
    }
  }

  /** The latest version of a trace, or null when it is not in the table. */
  public TraceRow trace(String project, String traceId) {
    return traces.get(traceKey(project, traceId));
  }

  /** A span, or null when it is not in the table. */
  public SpanRow span(String project, String traceId, String spanId) {
    return spans.get(spanKey(project, traceId, spanId));
  }

  /** Every span row. */
  public Iterable<SpanRow> spans() {
    return spans.values();
  }

  static String traceKey(String project, String traceId) {
    return project + '\n' + traceId;
  }

  private static String spanKey(String project, String traceId, String spanId) {
    return project + '\n' + traceId + '\n' + spanId;
  }
}
