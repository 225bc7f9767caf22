package io.llmtraces.ui.query;

import static org.apache.iceberg.expressions.Expressions.and;
import static org.apache.iceberg.expressions.Expressions.equal;
import static org.apache.iceberg.expressions.Expressions.greaterThanOrEqual;
import static org.apache.iceberg.expressions.Expressions.lessThan;
import static org.apache.iceberg.expressions.Expressions.lessThanOrEqual;

import io.llmtraces.schema.TableSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Reads traces and spans from the Iceberg tables for the API: always the newest version of a
 * trace, only the columns needed, only the partitions and files the query can touch.
 */
public final class TraceStore {
  /** A trace's spans start no earlier than a minute before it (clock skew between services). */
  private static final long SPAN_WINDOW_MICROS = 60_000_000L;

  private final Table traces;
  private final Table spans;
  private final TraceFiles traceFiles;
  private final long refreshEveryMillis;
  private long lastRefresh;
  private long projectsSnapshot = -1;
  private List<ProjectSummary> projects = List.of();

  public TraceStore(Catalog catalog, long maxCachedRows, long refreshEveryMillis) {
    this.traces = catalog.loadTable(TableSchemas.TRACES);
    this.spans = catalog.loadTable(TableSchemas.SPANS);
    this.traceFiles = new TraceFiles(traces, maxCachedRows, TraceFiles.readerPool());
    this.refreshEveryMillis = refreshEveryMillis;
  }

  /** Sees new commits of the job, at most every refreshEveryMillis. */
  private synchronized void refresh() {
    long now = System.currentTimeMillis();
    if (now - lastRefresh >= refreshEveryMillis) {
      traces.refresh();
      spans.refresh();
      lastRefresh = now;
    }
  }

  public synchronized List<ProjectSummary> projects() {
    refresh();
    long snapshot = traces.currentSnapshot() == null ? 0 : traces.currentSnapshot().snapshotId();
    if (snapshot != projectsSnapshot) {
      projects = summarize(traceFiles.rows(Expressions.alwaysTrue()));
      projectsSnapshot = snapshot;
    }
    return projects;
  }

  private static List<ProjectSummary> summarize(List<TraceRow> rows) {
    Map<String, Map<String, TraceRow>> latest = new TreeMap<>();
    for (TraceRow r : rows) {
      latest.computeIfAbsent(r.project(), p -> new HashMap<>()).merge(r.traceId(), r, TraceRow::newer);
    }
    List<ProjectSummary> out = new ArrayList<>();
    latest.forEach((project, byId) -> {
      long anomalous = byId.values().stream().filter(TraceRow::anomalous).count();
      long last = byId.values().stream().mapToLong(TraceRow::startMicros).max().orElse(0);
      out.add(new ProjectSummary(project, byId.size(), anomalous, Instant.ofEpochSecond(0, last * 1000)));
    });
    return List.copyOf(out);
  }

  public TraceListing.Page list(TraceQuery q) {
    requireProject(q.project());
    Expression filter =
        and(equal("project", q.project()),
            and(greaterThanOrEqual("start_time", micros(q.from())), lessThan("start_time", micros(q.to()))));
    return TraceListing.apply(traceFiles.rows(filter), q);
  }

  /**
   * The newest version of a trace and its spans.
   *
   * @param startHint the trace's start time if the caller knows it (the page does): the look-up
   *     then touches one day's partition instead of every partition of the project
   */
  public TraceDetail trace(String project, String traceId, Instant startHint, boolean withSpanJson) {
    requireProject(project);
    if (!traceId.matches("[0-9a-f]{32}")) {
      throw new BadRequest("trace id must be 32 lower-case hex digits, not " + traceId);
    }
    Expression where = and(equal("project", project), equal("trace_id", traceId));
    if (startHint != null) {
      long t = micros(startHint);
      where = and(where, and(greaterThanOrEqual("start_time", t - 86_400_000_000L), lessThanOrEqual("start_time", t + 86_400_000_000L)));
    }
    TraceRow row =
        traceFiles.rows(where).stream()
            .filter(r -> r.project().equals(project) && r.traceId().equals(traceId))
            .reduce(TraceRow::newer)
            .orElseThrow(() -> new NotFound("no trace " + traceId + " in project " + project));
    Map<String, Object> fields = row.extras().byColumn();
    long start = row.startMicros();
    long end = start + Math.round(row.durationMs() * 1000);
    Expression spanWhere =
        and(where(project, traceId),
            and(greaterThanOrEqual("start_time", start - SPAN_WINDOW_MICROS), lessThanOrEqual("start_time", end + SPAN_WINDOW_MICROS)));
    List<SpanDetail> details = new ArrayList<>();
    Map<String, String> json = new LinkedHashMap<>();
    List<String> columns = new ArrayList<>();
    spans.schema().columns().forEach(c -> {
      if (withSpanJson || !c.name().equals("span_json")) {
        columns.add(c.name());
      }
    });
    try (CloseableIterable<Record> records = IcebergGenerics.read(spans).where(spanWhere).select(columns).build()) {
      for (Record r : records) {
        if (!traceId.equals(r.getField("trace_id"))) {
          continue;
        }
        details.add(SpanRecords.detail(r));
        if (withSpanJson) {
          json.put((String) r.getField("span_id"), (String) r.getField("span_json"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    details.sort(Comparator.comparing(SpanDetail::startTime).thenComparing(SpanDetail::spanId));
    return new TraceDetail(row, fields, details, json);
  }

  private static Expression where(String project, String traceId) {
    return and(equal("project", project), equal("trace_id", traceId));
  }

  private void requireProject(String project) {
    if (projects().stream().noneMatch(p -> p.name().equals(project))) {
      throw new NotFound("no project " + project);
    }
  }

  static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000 + t.getNano() / 1000;
  }
}
