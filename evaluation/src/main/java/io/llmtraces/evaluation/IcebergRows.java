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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
   * Polls the tables until every trace of {@code truth} is there with all its spans (or {@code
   * timeout} passed), then returns the rows of those traces. Reports progress to {@code log}.
   */
  public TableRows awaitComplete(List<GroundTruth> truth, Duration timeout, PrintStream log)
      throws InterruptedException {
    Map<String, Integer> expected = new HashMap<>();
    long expectedSpans = 0;
    for (GroundTruth t : truth) {
      expected.put(TableRows.traceKey(t.project(), t.traceId()), t.spanCount());
      expectedSpans += t.spanCount();
    }
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    long reported = 0;
    while (true) {
      List<TraceRow> traces = traces(expected.keySet());
      TableRows latest = new TableRows(traces, List.of());
      long complete =
          truth.stream()
              .filter(
                  t -> {
                    TraceRow r = latest.trace(t.project(), t.traceId());
                    return r != null && r.spanCount() >= t.spanCount();
                  })
              .count();
      List<SpanRow> spans = complete == truth.size() ? spans(expected.keySet()) : List.of();
      boolean done = complete == truth.size() && spans.size() >= expectedSpans;
      boolean late = System.currentTimeMillis() >= deadline;
      if (done || late) {
        if (!done) {
          spans = spans(expected.keySet());
          log.printf(
              "[evaluate] gave up waiting: %d of %d traces complete, %d of %d spans%n",
              complete, truth.size(), spans.size(), expectedSpans);
        }
        return new TableRows(traces, spans);
      }
      if (System.currentTimeMillis() - reported >= REPORT_EVERY_MS) {
        reported = System.currentTimeMillis();
        log.printf("[evaluate] the tables hold %d of %d labelled traces%n", complete, truth.size());
      }
      Thread.sleep(POLL_MS);
    }
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
