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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Table;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.flink.sink.RowDataTaskWriterFactory;
import org.apache.iceberg.io.TaskWriter;
import org.apache.iceberg.io.WriteResult;
import org.apache.flink.table.data.RowData;

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

  private StageBenchmark() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv, 0);
    int spanTarget = (int) args.getLong("spans", 200_000);
    int rounds = (int) args.getLong("rounds", 8);
    int spansPerCommit = (int) args.getLong("spans-per-commit", 100_000);
    Path warehouse = Files.createTempDirectory("bench-stages");
    String tableProperty = args.get("table-property", "");

    List<byte[]> records = new ArrayList<>();
    RootedTraffic traffic = new RootedTraffic(args.getLong("seed", 1));
    int spans = 0;
    while (spans < spanTarget) {
      GeneratedTrace trace = traffic.next(System.currentTimeMillis() * 1000);
      for (ExportTraceServiceRequest request : trace.requests()) {
        records.add(request.toByteArray());
      }
      spans += trace.spanCount();
    }
    Log.info("stages: %,d spans in %,d records", spans, records.size());

    List<byte[]> encoded = new ArrayList<>(spans);
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

    Table table = spansTable(warehouse);
    if (!tableProperty.isEmpty()) {
      String[] kv = tableProperty.split("=", 2);
      table.updateProperties().set(kv[0], kv[1]).commit();
      Log.info("stages: table property %s", tableProperty);
    }
    RowDataTaskWriterFactory writers =
        new RowDataTaskWriterFactory(
            table, FlinkSchemaUtil.convert(TableSchemas.SPANS_SCHEMA), Long.MAX_VALUE, FileFormat.PARQUET,
            table.properties(), null, false);
    writers.initialize(0, 0);
    SpanRows rows = new SpanRows();
    SpanScore score = new SpanScore(0.4, List.of(), false, 12.5, 900.0, 2400.0, 120L, "shop|openai.chat", 0.8, null);
    long ingestedAt = System.currentTimeMillis() * 1000;
    long fields = 0;
    for (int round = 1; round <= rounds; round++) {
      long cpu = THREADS.getCurrentThreadCpuTime();
      for (byte[] span : encoded) {
        fields += rows.map(new WritableSpan(span, 1, ingestedAt, score)).getArity();
      }
      report("rows", round, encoded.size(), THREADS.getCurrentThreadCpuTime() - cpu);
    }
    for (int round = 1; round <= rounds; round++) {
      long cpu = THREADS.getCurrentThreadCpuTime();
      TaskWriter<RowData> writer = writers.create();
      int inFile = 0;
      long fileBytes = 0;
      for (byte[] span : encoded) {
        writer.write(rows.map(new WritableSpan(span, 1, ingestedAt, score)));
        if (++inFile == spansPerCommit) {
          fileBytes += bytes(writer.complete());
          writer = writers.create();
          inFile = 0;
        }
      }
      fileBytes += bytes(writer.complete());
      report("span-rows", round, encoded.size(), THREADS.getCurrentThreadCpuTime() - cpu);
      if (round == rounds) {
        Log.info("(%,d fields)", fields); // used, so that building the rows is not optimized away
        Log.info("span-rows data files: %,d bytes, %.0f bytes per span", fileBytes, (double) fileBytes / encoded.size());
      }
    }
  }

  private static long bytes(WriteResult result) {
    long sum = 0;
    for (DataFile f : result.dataFiles()) {
      sum += f.fileSizeInBytes();
    }
    return sum;
  }

  private static Table spansTable(Path warehouse) {
    var catalog = Catalogs.loader(CatalogSettings.hadoop(warehouse.toString())).loadCatalog();
    IcebergTables.ensure(catalog);
    return catalog.loadTable(TableSchemas.SPANS);
  }

  private static void report(String stage, int round, int spans, long cpuNanos) {
    Log.info("%-9s round %d: %,d spans, %.2f µs of CPU per span, %,.0f spans per CPU second",
        stage, round, spans, cpuNanos / 1e3 / spans, spans / (cpuNanos / 1e9));
  }
}
