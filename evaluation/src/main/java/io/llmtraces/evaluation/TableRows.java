package io.llmtraces.evaluation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rows of a run as the evaluation reads them: latest trace versions and spans, by id. */
public final class TableRows {
  private final Map<String, TraceRow> traces = new HashMap<>();
  private final Map<String, SpanRow> spans = new HashMap<>();
  private final Map<String, Integer> spansPerTrace = new HashMap<>();
  private final Map<String, Integer> rowsOfLatest = new HashMap<>();

  /**
   * Rows from lists: of several versions of a trace the highest is kept, as the latest view does.
   * Two rows of the same version mean the job wrote the trace in pieces (its spans came after it
   * had forgotten the trace); the larger piece is kept and the trace is remembered as such.
   */
  public TableRows(List<TraceRow> traceRows, List<SpanRow> spanRows) {
    for (TraceRow t : traceRows) {
      String key = traceKey(t.project(), t.traceId());
      TraceRow before = traces.get(key);
      if (before == null || t.version() > before.version()) {
        rowsOfLatest.put(key, 1);
      } else if (t.version() == before.version()) {
        rowsOfLatest.merge(key, 1, Integer::sum);
      }
      if (before == null
          || t.version() > before.version()
          || (t.version() == before.version() && t.spanCount() > before.spanCount())) {
        traces.put(key, t);
      }
    }
    for (SpanRow s : spanRows) {
      if (spans.put(spanKey(s.project(), s.traceId(), s.spanId()), s) == null) {
        spansPerTrace.merge(traceKey(s.project(), s.traceId()), 1, Integer::sum);
      }
    }
  }

  /** Distinct spans of a trace in the spans table. */
  public int spanCount(String project, String traceId) {
    return spansPerTrace.getOrDefault(traceKey(project, traceId), 0);
  }

  /** True when the trace has two rows of its latest version: the job wrote it in pieces. */
  public boolean writtenInPieces(String project, String traceId) {
    return rowsOfLatest.getOrDefault(traceKey(project, traceId), 0) > 1;
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
