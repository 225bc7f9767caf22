package io.llmtraces.ui.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.parquet.Parquet;

/**
 * The rows of the {@code traces} table (narrow: no span bodies), read per data file and kept in
 * memory.
 *
 * <p>Iceberg data files never change once written, so a file's rows, keyed by its path, stay
 * valid for ever: the cache needs no invalidation, and which files a query sees is decided by
 * planning against the table's current snapshot (partition pruning and column statistics).
 * Least-recently used files are dropped beyond {@code maxCachedRows}.
 */
final class TraceFiles {

  private final Table table;
  private final Schema projection;
  private final long maxCachedRows;
  private final ExecutorService readers;
  private final Map<String, List<TraceRow>> byFile = new LinkedHashMap<>(256, 0.75f, true);
  private long cachedRows;

  TraceFiles(Table table, long maxCachedRows, ExecutorService readers) {
    this.table = table;
    this.projection = table.schema();
    this.maxCachedRows = maxCachedRows;
    this.readers = readers;
  }

  /** Rows of every data file the current snapshot may hold matching rows in. */
  List<TraceRow> rows(Expression filter) {
    List<String> paths = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().filter(filter).planFiles()) {
      tasks.forEach(t -> paths.add(t.file().location()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<TraceRow> rows = new ArrayList<>();
    List<Future<List<TraceRow>>> reading = new ArrayList<>();
    for (String path : paths) {
      List<TraceRow> cached = cached(path);
      if (cached != null) {
        rows.addAll(cached);
      } else {
        reading.add(readers.submit(() -> readAndCache(path)));
      }
    }
    for (Future<List<TraceRow>> f : reading) {
      try {
        rows.addAll(f.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("reading a data file of " + table.name() + " failed", e.getCause());
      }
    }
    return rows;
  }

  private synchronized List<TraceRow> cached(String path) {
    return byFile.get(path);
  }

  private List<TraceRow> readAndCache(String path) throws IOException {
    List<TraceRow> rows = new ArrayList<>();
    try (CloseableIterable<Record> records =
        Parquet.read(table.io().newInputFile(path))
            .project(projection)
            .createReaderFunc(fileSchema -> GenericParquetReaders.buildReader(projection, fileSchema))
            .build()) {
      for (Record r : records) {
        rows.add(toRow(r));
      }
    }
    List<TraceRow> frozen = List.copyOf(rows);
    synchronized (this) {
      if (byFile.put(path, frozen) == null) {
        cachedRows += frozen.size();
      }
      var it = byFile.entrySet().iterator();
      while (cachedRows > maxCachedRows && it.hasNext()) {
        cachedRows -= it.next().getValue().size();
        it.remove();
      }
    }
    return frozen;
  }

  static long micros(Object timestamp) {
    OffsetDateTime t = (OffsetDateTime) timestamp;
    return t.toEpochSecond() * 1_000_000 + t.getNano() / 1000;
  }

  @SuppressWarnings("unchecked")
  private static TraceRow toRow(Record r) {
    Long tokens = (Long) r.getField("total_tokens");
    Double score = (Double) r.getField("anomaly_score");
    List<String> types = (List<String>) r.getField("anomaly_types");
    Boolean anomalous = (Boolean) r.getField("is_anomalous");
    Integer anomalousSpans = (Integer) r.getField("anomalous_span_count");
    return new TraceRow(
        (String) r.getField("project"),
        (String) r.getField("trace_id"),
        (Integer) r.getField("version"),
        micros(r.getField("start_time")),
        (Double) r.getField("duration_ms"),
        (Integer) r.getField("span_count"),
        tokens == null ? 0 : tokens,
        (Long) r.getField("token_size_bytes"),
        score == null ? 0 : score,
        types == null ? List.of() : List.copyOf(types),
        anomalous != null && anomalous,
        anomalousSpans == null ? 0 : anomalousSpans,
        (String) r.getField("root_span_name"),
        (String) r.getField("service_name"),
        List.copyOf((List<String>) r.getField("models")),
        (String) r.getField("anomaly_explanation"),
        new TraceExtras(
            ((OffsetDateTime) r.getField("end_time")).toInstant(),
            (String) r.getField("workflow_name"),
            (Integer) r.getField("error_count"),
            (Integer) r.getField("llm_call_count"),
            (Long) r.getField("input_tokens"),
            (Long) r.getField("output_tokens"),
            tokens,
            (Boolean) r.getField("root_missing"),
            (Integer) r.getField("dropped_span_count"),
            (String) r.getField("session_id"),
            (String) r.getField("user_id"),
            (Double) r.getField("expected_duration_ms"),
            (Double) r.getField("expected_p99_ms"),
            (Long) r.getField("baseline_samples"),
            (String) r.getField("baseline_key"),
            (Double) r.getField("duration_ratio"),
            anomalousSpans));
  }

  static ExecutorService readerPool() {
    return Executors.newFixedThreadPool(
        Math.max(2, Runtime.getRuntime().availableProcessors()),
        r -> {
          Thread t = new Thread(r, "trace-file-reader");
          t.setDaemon(true);
          return t;
        });
  }
}
