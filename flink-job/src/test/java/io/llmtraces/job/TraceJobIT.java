package io.llmtraces.job;

import static io.llmtraces.testing.Otlp.attr;
import static io.llmtraces.testing.Otlp.request;
import static io.llmtraces.testing.Otlp.resource;
import static io.llmtraces.testing.Otlp.span;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmtraces.otlp.OtlpJson;
import io.llmtraces.schema.TableSchemas;
import io.llmtraces.sink.Catalogs;
import io.llmtraces.testing.IcebergReader;
import io.llmtraces.testing.KafkaBroker;
import io.llmtraces.testing.Otlp;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import io.llmtraces.testing.TestClusters;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.Record;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real job on a Flink MiniCluster, reading a real Kafka broker and writing real Iceberg
 * tables on disk: protobuf, JSON, duplicates, a rootless trace, garbage, and a late span.
 */
class TraceJobIT {
  private static final String TOPIC = "otlp_spans";
  private static final String DLQ = "otlp_spans_dlq";
  private static final String TRACE_A = "0af7651916cd43dd8448eb211c80319c";
  private static final String TRACE_B = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String TRACE_C = "5b8aa5a2d2c872e8321cf37308d69df2";

  @RegisterExtension
  static final MiniClusterExtension FLINK = TestClusters.miniCluster();

  private static KafkaBroker kafka;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = KafkaBroker.start();
    kafka.createTopic(TOPIC, 2);
    kafka.createTopic(DLQ, 1);
  }

  @AfterAll
  static void stopKafka() throws Exception {
    kafka.close();
  }

  @Test
  void spansBecomeTracesInIcebergAndBadRecordsGoToTheDeadLetterTopic(@TempDir Path dataDir) throws Exception {
    long base = System.currentTimeMillis() * 1_000_000L;
    ExportTraceServiceRequest traceA = traceA(base);
    byte[] garbage = "definitely not OTLP".getBytes(StandardCharsets.UTF_8);
    byte[] brokenJson = "{\"resourceSpans\": [{\"scopeSpans\": [".getBytes(StandardCharsets.UTF_8);
    byte[] oversized = new byte[70_000];
    Arrays.fill(oversized, (byte) 0x0A);

    kafka.send(TOPIC, Otlp.bytes(TRACE_A).toByteArray(), traceA.toByteArray());
    kafka.send(TOPIC, Otlp.bytes(TRACE_A).toByteArray(), traceA.toByteArray()); // redelivered
    kafka.send(TOPIC, null, OtlpJson.write(traceB(base)));
    kafka.send(TOPIC, null, traceC(base).toByteArray());
    kafka.send(TOPIC, "k1".getBytes(StandardCharsets.UTF_8), garbage);
    kafka.send(TOPIC, null, brokenJson);
    kafka.send(TOPIC, null, oversized);

    JobOptions options =
        JobOptions.parse(
            "--bootstrap-servers", kafka.bootstrapServers(),
            "--data-dir", dataDir.toString(),
            "--checkpoint-interval-s", "1",
            "--quiet-gap-s", "1",
            "--max-open-s", "4",
            "--late-retention-s", "120",
            "--out-of-orderness-ms", "200",
            "--idle-after-ms", "500",
            "--max-record-bytes", "65536",
            "--parallelism", "2");
    JobClient job = TraceJob.start(TraceJob.environment(options), options);
    try {
      IcebergReader tables = new IcebergReader(Catalogs.loader(options.catalog()).loadCatalog());
      List<Record> traces = tables.awaitRows(TableSchemas.TRACES, rows -> rows.size() >= 3, 90_000);
      assertThat(traces).extracting(r -> r.getField("trace_id")).containsExactlyInAnyOrder(TRACE_A, TRACE_B, TRACE_C);
      Map<Object, Record> byId = traces.stream().collect(Collectors.toMap(r -> r.getField("trace_id"), Function.identity()));

      Record a = byId.get(TRACE_A);
      assertThat(a.getField("project")).isEqualTo("acme");
      assertThat(a.getField("service_name")).isEqualTo("support-bot");
      assertThat(a.getField("version")).isEqualTo(1);
      assertThat(a.getField("span_count")).isEqualTo(3);
      assertThat(a.getField("llm_call_count")).isEqualTo(1);
      assertThat(a.getField("models")).isEqualTo(List.of("gpt-4o"));
      assertThat(a.getField("input_tokens")).isEqualTo(120L);
      assertThat(a.getField("output_tokens")).isEqualTo(40L);
      assertThat(a.getField("total_tokens")).isEqualTo(160L);
      assertThat(a.getField("root_span_name")).isEqualTo("chat.workflow");
      assertThat(a.getField("workflow_name")).isEqualTo("chat");
      assertThat(a.getField("duration_ms")).isEqualTo(900.0);
      assertThat(a.getField("root_missing")).isEqualTo(false);
      assertThat(a.getField("error_count")).isEqualTo(0);

      Record b = byId.get(TRACE_B);
      assertThat(b.getField("project")).isEqualTo("rag-svc");
      assertThat(b.getField("error_count")).isEqualTo(1);
      assertThat(b.getField("models")).isEqualTo(List.of("claude-sonnet-4"));
      assertThat(b.getField("is_anomalous")).isEqualTo(true);
      assertThat(b.getField("anomaly_types")).isEqualTo(List.of("SPAN_ERROR"));
      assertThat((Double) b.getField("anomaly_score")).isGreaterThanOrEqualTo(50.0);
      assertThat((String) b.getField("anomaly_explanation")).contains("rate limited");
      // No baseline has samples yet: nothing is judged slow, and A has no error.
      assertThat(a.getField("is_anomalous")).isEqualTo(false);
      assertThat(a.getField("anomaly_types")).isEqualTo(List.of());

      Record c = byId.get(TRACE_C);
      assertThat(c.getField("root_missing")).isEqualTo(true);
      assertThat(c.getField("root_span_name")).isNull();

      List<Record> spans = tables.awaitRows(TableSchemas.SPANS, rows -> rows.size() >= 5, 30_000);
      assertThat(spans).hasSize(5);
      Record llm = spans.stream().filter(s -> "llm".equals(s.getField("kind"))).filter(s -> TRACE_A.equals(s.getField("trace_id"))).findFirst().orElseThrow();
      assertThat(llm.getField("model")).isEqualTo("gpt-4o");
      assertThat(llm.getField("provider")).isEqualTo("openai");
      assertThat(llm.getField("has_prompt")).isEqualTo(true);
      assertThat(llm.getField("has_response")).isEqualTo(true);
      assertThat(llm.getField("parent_span_id")).isEqualTo("b7ad6b7169203331");
      assertThat((String) llm.getField("span_json")).contains("\"spanId\":\"00f067aa0ba902b7\"");
      assertThat(llm.getField("is_anomalous")).isEqualTo(false);
      assertThat(llm.getField("self_time_ms")).isEqualTo(700.0);
      assertThat(llm.getField("baseline_samples")).isNull();

      // Bloom filters sized for a row group's trace ids, not Parquet's 1 MB default for each.
      assertThat(tables.traceIdBloomFilterBytes(TableSchemas.SPANS)).isNotEmpty().allSatisfy(bytes -> assertThat(bytes).isBetween(1, 32 * 1024));
      assertThat(tables.traceIdBloomFilterBytes(TableSchemas.TRACES)).isNotEmpty().allSatisfy(bytes -> assertThat(bytes).isBetween(1, 128 * 1024));

      List<ConsumerRecord<byte[], byte[]>> dead = kafka.read(DLQ, 3, 30_000);
      assertThat(dead).extracting(r -> header(r, "dlq.reason")).containsExactlyInAnyOrder("bad_protobuf", "bad_json", "too_large");
      ConsumerRecord<byte[], byte[]> garbageLetter = dead.stream().filter(r -> r.key() != null).findFirst().orElseThrow();
      assertThat(garbageLetter.value()).isEqualTo(garbage);
      assertThat(header(garbageLetter, "dlq.source.topic")).isEqualTo(TOPIC);
      assertThat(header(garbageLetter, "dlq.source.offset")).matches("\\d+");
      assertThat(header(garbageLetter, "dlq.source.partition")).matches("[01]");

      // A span of trace A that arrives after A was written: A is written again, whole, as version 2.
      kafka.send(TOPIC, null, request(resource("service.name", "support-bot", "iftracer.project", "acme"),
          span(TRACE_A, "1111111111111111", "b7ad6b7169203331", "tool.call", base, 700, 100).build()).toByteArray());
      List<Record> versions = tables.awaitRows(TableSchemas.TRACES, rows -> rows.size() >= 4, 60_000);
      List<Record> latestA = latestVersions(versions).stream().filter(r -> TRACE_A.equals(r.getField("trace_id"))).toList();
      assertThat(latestA).singleElement().satisfies(r -> {
        assertThat(r.getField("version")).isEqualTo(2);
        assertThat(r.getField("span_count")).isEqualTo(4);
        assertThat(r.getField("input_tokens")).isEqualTo(120L);
      });
      assertThat(latestVersions(versions)).hasSize(3);
      List<Record> spansOfA = tables.awaitRows(TableSchemas.SPANS, rows -> rows.size() >= 6, 30_000).stream()
          .filter(r -> TRACE_A.equals(r.getField("trace_id"))).toList();
      assertThat(spansOfA).hasSize(4);
      assertThat(spansOfA).filteredOn(r -> "1111111111111111".equals(r.getField("span_id")))
          .singleElement().extracting(r -> r.getField("trace_version")).isEqualTo(2);
    } finally {
      job.cancel().get();
    }
  }

  /** What the documented view does: the highest version of each trace. */
  private static List<Record> latestVersions(List<Record> traces) {
    return traces.stream()
        .collect(Collectors.toMap(r -> r.getField("project") + "/" + r.getField("trace_id"), Function.identity(),
            (x, y) -> (Integer) x.getField("version") >= (Integer) y.getField("version") ? x : y))
        .values().stream().toList();
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static ExportTraceServiceRequest traceA(long base) {
    return request(
        resource("service.name", "support-bot", "iftracer.project", "acme"),
        span(TRACE_A, "b7ad6b7169203331", null, "chat.workflow", base, 0, 900)
            .addAttributes(attr("traceloop.span.kind", "workflow"))
            .addAttributes(attr("traceloop.workflow.name", "chat")).build(),
        span(TRACE_A, "c0ffee0000000001", "b7ad6b7169203331", "retrieve.task", base, 10, 100)
            .addAttributes(attr("traceloop.span.kind", "task")).build(),
        span(TRACE_A, "00f067aa0ba902b7", "b7ad6b7169203331", "openai.chat", base, 120, 700)
            .addAttributes(attr("gen_ai.system", "openai"))
            .addAttributes(attr("gen_ai.request.model", "gpt-4o"))
            .addAttributes(attr("gen_ai.usage.input_tokens", 120))
            .addAttributes(attr("gen_ai.usage.output_tokens", 40))
            .addAttributes(attr("gen_ai.prompt.0.role", "user"))
            .addAttributes(attr("gen_ai.prompt.0.content", "Where is my order?"))
            .addAttributes(attr("gen_ai.completion.0.content", "It ships tomorrow.")).build());
  }

  private static ExportTraceServiceRequest traceB(long base) {
    return request(
        resource("service.name", "rag-svc"),
        Otlp.error(span(TRACE_B, "aaaaaaaaaaaaaaaa", null, "ChatCompletion", base, 0, 300), "rate limited")
            .addAttributes(attr("openinference.span.kind", "LLM"))
            .addAttributes(attr("llm.model_name", "claude-sonnet-4"))
            .addAttributes(attr("llm.token_count.prompt", 12)).build());
  }

  private static ExportTraceServiceRequest traceC(long base) {
    return request(
        resource("service.name", "support-bot", "iftracer.project", "acme"),
        span(TRACE_C, "cccccccccccccccc", "dddddddddddddddd", "summarize.task", base, 5, 50)
            .addAttributes(attr("traceloop.span.kind", "task")).build());
  }

}
