package io.llmtraces.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.llmtraces.job.JobOptions;
import io.llmtraces.job.TraceJob;
import io.llmtraces.schema.TableSchemas;
import io.llmtraces.sink.Catalogs;
import io.llmtraces.testing.IcebergReader;
import io.llmtraces.testing.KafkaBroker;
import io.llmtraces.ui.UiOptions;
import io.llmtraces.ui.auth.ProjectPatterns;
import io.llmtraces.ui.auth.UserStore;
import io.llmtraces.ui.ingest.KafkaPublisher;
import io.llmtraces.ui.ingest.OtlpReceiver;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import io.llmtraces.testing.TestClusters;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole front door: the official OpenTelemetry Java SDK sends GenAI spans with iftracer-sdk's
 * headers to the page server's OTLP/HTTP receiver, which stamps the project and writes to a real
 * Kafka broker; the real job on a MiniCluster writes them to Iceberg tables on disk.
 */
class OtlpToTablesIT {
  @RegisterExtension
  static final MiniClusterExtension FLINK = TestClusters.miniCluster();

  @Test
  void sdkSpansWithIftracerHeadersLandInTheTablesUnderTheirProject(@TempDir Path dir) throws Exception {
    try (KafkaBroker kafka = KafkaBroker.start()) {
      kafka.createTopic("otlp_spans", 2);
      kafka.createTopic("otlp_spans_dlq", 1);
      UserStore users = new UserStore(dir.resolve("users.json"), Clock.systemUTC());
      String key = users.add("alice", ProjectPatterns.of("acme-*")).key();
      UiOptions ui = UiOptions.parse("--otlp-port", "0", "--data-dir", dir.toString(), "--bootstrap-servers", kafka.bootstrapServers());
      KafkaPublisher publisher =
          KafkaPublisher.create(
              KafkaPublisher.producerConfig(ui.bootstrapServers(), ui.kafkaTimeout(), ui.maxRequestBytes(), ui.maxPendingBytes()),
              "otlp_spans",
              ui.maxPendingBytes());
      Javalin receiver = new OtlpReceiver(ui, users, publisher).app().start();

      JobOptions options =
          JobOptions.parse(
              "--bootstrap-servers", kafka.bootstrapServers(), "--data-dir", dir.toString(), "--checkpoint-interval-s", "1",
              "--quiet-gap-s", "1", "--out-of-orderness-ms", "200", "--idle-after-ms", "500", "--parallelism", "2");
      JobClient job = TraceJob.start(TraceJob.environment(options), options);
      String traceId;
      try {
        OtlpHttpSpanExporter exporter =
            OtlpHttpSpanExporter.builder()
                .setEndpoint("http://127.0.0.1:" + receiver.port() + "/v1/traces")
                .addHeader("iftracer_user", "alice")
                .addHeader("iftracer_license_key", key)
                .addHeader("iftracer_project", "acme-prod")
                .setCompression("gzip")
                .build();
        SdkTracerProvider provider =
            SdkTracerProvider.builder()
                .setResource(Resource.create(Attributes.builder().put("service.name", "chat-app").build()))
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build();
        Tracer tracer = provider.get("end-to-end-test");
        Span root = tracer.spanBuilder("chat.workflow").setAttribute("traceloop.span.kind", "workflow").startSpan();
        traceId = root.getSpanContext().getTraceId();
        try (Scope ignored = root.makeCurrent()) {
          tracer.spanBuilder("openai.chat")
              .setAttribute("gen_ai.system", "openai")
              .setAttribute("gen_ai.request.model", "gpt-4o")
              .setAttribute("gen_ai.usage.input_tokens", 42L)
              .setAttribute("gen_ai.usage.output_tokens", 7L)
              .setAttribute("gen_ai.prompt.0.content", "Where is my order?")
              .setAttribute("gen_ai.completion.0.content", "It ships tomorrow.")
              .startSpan()
              .end();
        } finally {
          root.end();
        }
        assertThat(provider.forceFlush().join(30, TimeUnit.SECONDS).isSuccess()).isTrue();
        provider.shutdown().join(10, TimeUnit.SECONDS);

        IcebergReader tables = new IcebergReader(Catalogs.loader(options.catalog()).loadCatalog());
        List<Record> traces = tables.awaitRows(TableSchemas.TRACES, rows -> !rows.isEmpty(), 90_000);
        assertThat(traces).singleElement().satisfies(t -> {
          assertThat(t.getField("trace_id")).isEqualTo(traceId);
          assertThat(t.getField("project")).isEqualTo("acme-prod");
          assertThat(t.getField("service_name")).isEqualTo("chat-app");
          assertThat(t.getField("span_count")).isEqualTo(2);
          assertThat(t.getField("models")).isEqualTo(List.of("gpt-4o"));
          assertThat(t.getField("total_tokens")).isEqualTo(49L);
          assertThat(t.getField("root_missing")).isEqualTo(false);
        });
        List<Record> spans = tables.awaitRows(TableSchemas.SPANS, rows -> rows.size() >= 2, 30_000);
        assertThat(spans).extracting(s -> s.getField("project")).containsOnly("acme-prod");
        assertThat(spans).filteredOn(s -> "llm".equals(s.getField("kind"))).singleElement()
            .satisfies(s -> assertThat(s.getField("has_response")).isEqualTo(true));
      } finally {
        job.cancel().get();
        receiver.stop();
        publisher.close();
      }
    }
  }
}
