package io.llmtraces.bench;

import io.llmtraces.demo.GeneratedTrace;
import io.llmtraces.ingest.NormalizerLimits;
import io.llmtraces.ingest.SpanNormalizer;
import io.llmtraces.model.SpanScore;
import io.llmtraces.otlp.OtlpRecordDecoder;
import io.llmtraces.schema.CatalogSettings;
import io.llmtraces.schema.IcebergTables;
import io.llmtraces.schema.TableSchemas;
import io.llmtraces.scoring.WritableSpan;
import io.llmtraces.sink.Catalogs;
import io.llmtraces.sink.SpanRows;
import io.llmtraces.trace.SpanCodec;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Table;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.flink.sink.RowDataTaskWriterFactory;
import org.apache.iceberg.io.TaskWriter;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.io.WriteResult;

/**
 * The job's per-span stages one at a time, in one thread, without Kafka or Flink around them:
 * CPU time of that thread per span, for comparing changes to one stage (a few per cent each) that
 * the end-to-end benchmark's spread of ±5-10 % hides.
 *
 * <ul>
 *   <li>{@code decode}: an OTLP protobuf record to normalized spans with their span_json, each
 *       encoded as the job's assembly receives it ({@link SpanCodec});
 *   <li>{@code rows}: encoded spans to rows of the {@code spans} table ({@link SpanRows}) only;
 *   <li>{@code span-rows}: encoded spans to rows of the {@code spans} table ({@link SpanRows}),
 *       written by Iceberg's Flink writer with the table's properties into a local warehouse, the
 *       data files closed every {@code --spans-per-commit} spans as a checkpoint closes them
 *       ({@code --table-property key=value} sets one more table property first, to try it).
 * </ul>
 *
 * Each stage runs {@code --rounds} times over the same spans; the first rounds warm the JIT and
 * the report gives every round, so that the last ones can be compared between builds.
 */
public final class StageBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final long INGESTED_AT = System.currentTimeMillis() * 1000;
  private static final SpanScore SCORE =
      new SpanScore(0.4, List.of(), false, 12.5, 900.0, 2400.0, 120L, "shop|openai.chat", 0.8, null);

  private StageBenchmark() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv, 0);
    int rounds = (int) args.getLong("rounds", 8);
    List<byte[]> records = records((int) args.getLong("spans", 200_000), args.getLong("seed", 1));
    List<byte[]> encoded = decode(records, rounds);
    Path warehouse = Files.createTempDirectory("bench-stages");
    try {
      Table table = spansTable(warehouse, args.get("table-property", ""));
      rows(encoded, rounds);
      spanRows(encoded, rounds, table, (int) args.getLong("spans-per-commit", 100_000));
    } finally {
      deleteTree(warehouse); // hundreds of MB of data files
    }
  }

  /** Demo traffic as Kafka record values, at least {@code spanTarget} spans. */
  private static List<byte[]> records(int spanTarget, long seed) {
    List<byte[]> records = new ArrayList<>();
    RootedTraffic traffic = new RootedTraffic(seed);
    int spans = 0;
    while (spans < spanTarget) {
      GeneratedTrace trace = traffic.next(System.currentTimeMillis() * 1000);
      for (ExportTraceServiceRequest request : trace.requests()) {
        records.add(request.toByteArray());
      }
      spans += trace.spanCount();
    }
    Log.info("stages: %,d spans in %,d records", spans, records.size());
    return records;
  }

  /** The decode stage; returns the spans encoded as the assembly receives them (of the last round). */
  private static List<byte[]> decode(List<byte[]> records, int rounds) throws Exception {
    List<byte[]> encoded = new ArrayList<>();
    OtlpRecordDecoder decoder = new OtlpRecordDecoder(8 << 20);
    SpanNormalizer normalizer = new SpanNormalizer(NormalizerLimits.DEFAULTS);
    for (int round = 1; round <= rounds; round++) {
      encoded.clear();
      long cpu = THREADS.getCurrentThreadCpuTime();
      for (byte[] record : records) {
        normalizer.normalize(decoder.decode(record), (s, json, length) -> encoded.add(SpanCodec.encode(s, json, length)));
      }
      report("decode", round, encoded.size(), THREADS.getCurrentThreadCpuTime() - cpu);
    }
    return encoded;
  }

  /** The rows stage: {@link SpanRows} alone. */
  private static void rows(List<byte[]> encoded, int rounds) {
    SpanRows rows = new SpanRows();
    long fields = 0;
    for (int round = 1; round <= rounds; round++) {
      long cpu = THREADS.getCurrentThreadCpuTime();
      for (byte[] span : encoded) {
        fields += rows.map(writable(span)).getArity();
      }
      report("rows", round, encoded.size(), THREADS.getCurrentThreadCpuTime() - cpu);
    }
    Log.info("(%,d fields)", fields); // used, so that building the rows is not optimized away
  }

  /** The span-rows stage: rows written by Iceberg's Flink writer, files closed every {@code spansPerCommit}. */
  private static void spanRows(List<byte[]> encoded, int rounds, Table table, int spansPerCommit) throws Exception {
    RowDataTaskWriterFactory writers =
        new RowDataTaskWriterFactory(
            table, FlinkSchemaUtil.convert(TableSchemas.SPANS_SCHEMA), Long.MAX_VALUE, FileFormat.PARQUET,
            table.properties(), null, false);
    writers.initialize(0, 0);
    SpanRows rows = new SpanRows();
    long fileBytes = 0;
    for (int round = 1; round <= rounds; round++) {
      long cpu = THREADS.getCurrentThreadCpuTime();
      TaskWriter<RowData> writer = writers.create();
      int inFile = 0;
      fileBytes = 0;
      for (byte[] span : encoded) {
        writer.write(rows.map(writable(span)));
        if (++inFile == spansPerCommit) {
          fileBytes += bytes(writer.complete());
          writer = writers.create();
          inFile = 0;
        }
      }
      fileBytes += bytes(writer.complete());
      report("span-rows", round, encoded.size(), THREADS.getCurrentThreadCpuTime() - cpu);
    }
    Log.info("span-rows data files: %,d bytes, %.0f bytes per span", fileBytes, (double) fileBytes / encoded.size());
  }

  /** A span as scoring passes it on: version 1, an unremarkable score. */
  private static WritableSpan writable(byte[] span) {
    return new WritableSpan(span, 1, INGESTED_AT, SCORE);
  }

  private static long bytes(WriteResult result) {
    long sum = 0;
    for (DataFile f : result.dataFiles()) {
      sum += f.fileSizeInBytes();
    }
    return sum;
  }

  /** The spans table in a local warehouse, with one more table property when one is given. */
  private static Table spansTable(Path warehouse, String tableProperty) {
    var catalog = Catalogs.loader(CatalogSettings.hadoop(warehouse.toString())).loadCatalog();
    IcebergTables.ensure(catalog);
    Table table = catalog.loadTable(TableSchemas.SPANS);
    if (!tableProperty.isEmpty()) {
      String[] kv = tableProperty.split("=", 2);
      table.updateProperties().set(kv[0], kv[1]).commit();
      Log.info("stages: table property %s", tableProperty);
    }
    return table;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static void report(String stage, int round, int spans, long cpuNanos) {
    Log.info("%-9s round %d: %,d spans, %.2f µs of CPU per span, %,.0f spans per CPU second",
        stage, round, spans, cpuNanos / 1e3 / spans, spans / (cpuNanos / 1e9));
  }
}
