package io.llmtraces.evaluation;

import io.llmtraces.demo.GroundTruth;
import io.llmtraces.model.AnomalyType;
import io.llmtraces.schema.TableSchemas;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Reads the columns the evaluation needs from {@code llm_traces.traces} and {@code .spans}, and
 * waits until the tables hold every trace of a ground truth.
 */
public final class IcebergRows {
  private static final long POLL_MS = 2_000;
  private static final long REPORT_EVERY_MS = 15_000;

  private final Catalog catalog;

  public IcebergRows(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Polls the tables until every trace of {@code truth} has a row and all its spans (or {@code
   * timeout} passed), then returns the rows of those traces. Completeness is counted on spans, not
   * on a trace row's span count, so that a trace the job wrote in pieces is still complete and the
   * evaluation reports it instead of waiting for it. Reports progress to {@code log}.
   */
  public TableRows awaitComplete(List<GroundTruth> truth, Duration timeout, PrintStream log)
      throws InterruptedException {
    Set<String> keys = new HashSet<>();
    long expectedSpans = 0;
    for (GroundTruth t : truth) {
      keys.add(TableRows.traceKey(t.project(), t.traceId()));
      expectedSpans += t.spanCount();
    }
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    long reported = 0;
    List<TraceRow> traces = List.of();
    List<SpanRow> spans = List.of();
    while (System.currentTimeMillis() < deadline) {
      traces = traces(keys);
      long present =
          traces.stream().map(r -> TableRows.traceKey(r.project(), r.traceId())).distinct().count();
      // Spans are read once every trace is there: the spans table is the larger one.
      spans = present == keys.size() ? spans(keys) : List.of();
      if (present == keys.size() && missingSpans(truth, new TableRows(traces, spans)) == 0) {
        return new TableRows(traces, spans);
      }
      if (System.currentTimeMillis() - reported >= REPORT_EVERY_MS) {
        reported = System.currentTimeMillis();
        log.printf(
            "[evaluate] the tables hold %d of %d labelled traces%s%n",
            present,
            keys.size(),
            spans.isEmpty() ? "" : ", " + spans.size() + " of their " + expectedSpans + " spans");
      }
      Thread.sleep(POLL_MS);
    }
    spans = spans(keys);
    log.printf(
        "[evaluate] gave up waiting after %s: %d of %d labelled traces, %d of %d spans%n",
        timeout,
        traces.stream().map(TraceRow::traceId).distinct().count(),
        keys.size(),
        spans.size(),
        expectedSpans);
    return new TableRows(traces, spans);
  }

  /** Spans the ground truth counts that the rows do not hold, over all its traces. */
  static long missingSpans(List<GroundTruth> truth, TableRows rows) {
    long missing = 0;
    for (GroundTruth t : truth) {
      missing += Math.max(0, t.spanCount() - rows.spanCount(t.project(), t.traceId()));
    }
    return missing;
  }

  /** Every version of the traces in {@code keys}. */
  List<TraceRow> traces(Set<String> keys) {
    List<TraceRow> out = new ArrayList<>();
    read(
        TableSchemas.TRACES,
        List.of("project", "trace_id", "version", "span_count", "is_anomalous", "anomaly_types"),
        r -> {
          String project = (String) r.getField("project");
          String traceId = (String) r.getField("trace_id");
          if (keys.contains(TableRows.traceKey(project, traceId))) {
            Boolean anomalous = (Boolean) r.getField("is_anomalous");
            out.add(
                new TraceRow(
                    project,
                    traceId,
                    (Integer) r.getField("version"),
                    (Integer) r.getField("span_count"),
                    anomalous != null,
                    Boolean.TRUE.equals(anomalous),
                    types(r.getField("anomaly_types"))));
          }
        });
    return out;
  }

  /** Every span of the traces in {@code keys}. */
  List<SpanRow> spans(Set<String> keys) {
    List<SpanRow> out = new ArrayList<>();
    read(
        TableSchemas.SPANS,
        List.of(
            "project",
            "trace_id",
            "span_id",
            "model",
            "is_anomalous",
            "anomaly_types",
            "baseline_key",
            "baseline_samples"),
        r -> {
          String project = (String) r.getField("project");
          String traceId = (String) r.getField("trace_id");
          if (keys.contains(TableRows.traceKey(project, traceId))) {
            Boolean anomalous = (Boolean) r.getField("is_anomalous");
            out.add(
                new SpanRow(
                    project,
                    traceId,
                    (String) r.getField("span_id"),
                    (String) r.getField("model"),
                    anomalous != null,
                    Boolean.TRUE.equals(anomalous),
                    types(r.getField("anomaly_types")),
                    (String) r.getField("baseline_key"),
                    (Long) r.getField("baseline_samples")));
          }
        });
    return out;
  }

  private void read(TableIdentifier id, List<String> columns, Consumer<Record> each) {
    if (!catalog.tableExists(id)) {
      return;
    }
    var table = catalog.loadTable(id);
    if (table.currentSnapshot() == null) {
      return;
    }
    try (CloseableIterable<Record> rows = IcebergGenerics.read(table).select(columns).build()) {
      rows.forEach(each);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The anomaly types of a row; identifiers this version does not know are left out. */
  private static Set<AnomalyType> types(Object value) {
    Set<AnomalyType> out = EnumSet.noneOf(AnomalyType.class);
    if (value instanceof List<?> list) {
      for (Object o : list) {
        for (AnomalyType t : AnomalyType.values()) {
          if (t.name().equals(String.valueOf(o))) {
            out.add(t);
          }
        }
      }
    }
    return out;
  }
}
