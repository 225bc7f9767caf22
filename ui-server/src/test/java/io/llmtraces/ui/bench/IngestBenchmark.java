package io.llmtraces.ui.bench;

import io.javalin.Javalin;
import io.llmtraces.ui.UiOptions;
import io.llmtraces.ui.auth.ProjectPatterns;
import io.llmtraces.ui.auth.UserStore;
import io.llmtraces.ui.ingest.KafkaPublisher;
import io.llmtraces.ui.ingest.OtlpReceiver;
import io.llmtraces.testing.KafkaBroker;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * Concurrent OTLP/HTTP clients on loopback against the receiver ({@code POST /v1/traces},
 * authentication on, protobuf, gzip) writing to a real Kafka broker in the same JVM (acks=all).
 * Each level of concurrency runs a warm-up, then a measured window; prints requests/s, spans/s
 * and latency percentiles of answered requests as a Markdown table.
 *
 * <p>Usage: {@code IngestBenchmark <spans per request> <seconds per level> <clients,clients,...>};
 * see scripts/bench-ingest.
 */
public final class IngestBenchmark {
  private static final int BODIES = 200;
  private static final int SPANS_PER_TRACE = 10;
  /** Every 200 answer, warm-ups included, to check against what Kafka holds at the end. */
  private static final AtomicLong ACKNOWLEDGED = new AtomicLong();

  public static void main(String[] args) throws Exception {
    int spansPerRequest = Integer.parseInt(args[0]);
    int seconds = Integer.parseInt(args[1]);
    int[] levels = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
    Path dir = Files.createTempDirectory("bench-ingest");
    try (KafkaBroker kafka = KafkaBroker.start()) {
      kafka.createTopic("otlp_spans", 4);
      UiOptions o = UiOptions.parse("--otlp-port", "0", "--data-dir", dir.toString(), "--bootstrap-servers", kafka.bootstrapServers());
      UserStore users = new UserStore(o.usersFile(), Clock.systemUTC());
      String key = users.add("bench", ProjectPatterns.ALL).key();
      KafkaPublisher publisher = KafkaPublisher.create(
          KafkaPublisher.producerConfig(o.bootstrapServers(), o.kafkaTimeout(), o.maxRequestBytes(), o.maxPendingBytes()), o.topic(), o.maxPendingBytes());
      Javalin app = new OtlpReceiver(o, users, publisher).app().start();
      try {
        String url = "http://127.0.0.1:" + app.port() + OtlpReceiver.PATH;
        List<byte[]> bodies = bodies(spansPerRequest);
        long raw = ExportTraceServiceRequest.parseFrom(gunzipSize(bodies.get(0))).getSerializedSize();
        System.out.printf(Locale.ROOT, "%d spans per request (%d traces), %,d bytes protobuf, %,d bytes gzipped; %d s per level%n%n",
            spansPerRequest, spansPerRequest / SPANS_PER_TRACE, raw, bodies.get(0).length, seconds);
        System.out.println("| concurrent clients | requests/s | spans/s | p50 ms | p99 ms | max ms | non-200 |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
        for (int clients : levels) {
          run(url, key, bodies, clients, Math.max(3, seconds / 3), null);
          Result r = run(url, key, bodies, clients, seconds, new Result()).finish();
          System.out.printf(Locale.ROOT, "| %d | %,.0f | %,.0f | %.1f | %.1f | %.1f | %d |%n",
              clients, r.count / (double) seconds, r.count * (double) spansPerRequest / seconds,
              r.percentile(50), r.percentile(99), r.percentile(100), r.failures.get());
        }
        long inKafka = recordsIn(kafka, o.topic());
        long expected = ACKNOWLEDGED.get() * (spansPerRequest / SPANS_PER_TRACE);
        System.out.printf(Locale.ROOT, "%nKafka holds %,d records; %,d requests answered 200 x %d traces each = %,d: %s%n",
            inKafka, ACKNOWLEDGED.get(), spansPerRequest / SPANS_PER_TRACE, expected, inKafka == expected ? "all there" : "MISMATCH");
      } finally {
        app.stop();
        publisher.close();
      }
    }
  }

  /** Latencies of one measured window. */
  private static final class Result {
    final List<long[]> perClient = new ArrayList<>();
    final AtomicLong failures = new AtomicLong();
    long count;
    long[] sorted;

    Result finish() {
      sorted = perClient.stream().flatMapToLong(Arrays::stream).filter(v -> v > 0).sorted().toArray();
      count = sorted.length;
      return this;
    }

    double percentile(int p) {
      int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
      return sorted[Math.max(0, i)] / 1e6;
    }
  }

  private static Result run(String url, String key, List<byte[]> bodies, int clients, int seconds, Result result) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      long[] latencies = new long[1 << 20];
      if (result != null) {
        result.perClient.add(latencies);
      }
      int first = c;
      Thread thread = new Thread(() -> {
        int n = 0;
        while (System.nanoTime() < end && n < latencies.length) {
          HttpRequest request = HttpRequest.newBuilder(URI.create(url))
              .header("Content-Type", "application/x-protobuf").header("Content-Encoding", "gzip")
              .header("Authorization", "Bearer " + key).header("iftracer_project", "bench")
              .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get((first + n * 7) % bodies.size()))).build();
          long t0 = System.nanoTime();
          try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 200) {
              latencies[n] = System.nanoTime() - t0;
              ACKNOWLEDGED.incrementAndGet();
            } else if (result != null) {
              result.failures.incrementAndGet();
            }
          } catch (Exception e) {
            if (result != null) {
              result.failures.incrementAndGet();
            }
          }
          n++;
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread t : threads) {
      t.join();
    }
    return result;
  }

  /** Distinct requests: GenAI-attributed traces of 10 spans (a workflow root and LLM, tool and retrieval children). */
  private static List<byte[]> bodies(int spans) throws Exception {
    Random rnd = new Random(7);
    List<byte[]> out = new ArrayList<>();
    for (int b = 0; b < BODIES; b++) {
      ScopeSpans.Builder ss = ScopeSpans.newBuilder().setScope(InstrumentationScope.newBuilder().setName("opentelemetry.instrumentation.openai").setVersion("0.40.0"));
      byte[] trace = new byte[16];
      long start = 1_760_000_000_000_000_000L + b * 1_000_000_000L;
      byte[] root = new byte[8];
      for (int i = 0; i < spans; i++) {
        if (i % SPANS_PER_TRACE == 0) {
          rnd.nextBytes(trace);
          rnd.nextBytes(root);
        }
        byte[] id = i % SPANS_PER_TRACE == 0 ? root : new byte[8];
        if (i % SPANS_PER_TRACE != 0) {
          rnd.nextBytes(id);
        }
        Span.Builder s = Span.newBuilder().setTraceId(com.google.protobuf.ByteString.copyFrom(trace)).setSpanId(com.google.protobuf.ByteString.copyFrom(id))
            .setName(i % SPANS_PER_TRACE == 0 ? "support_chat.workflow" : "openai.chat").setKind(Span.SpanKind.SPAN_KIND_CLIENT)
            .setStartTimeUnixNano(start + i * 1_000_000L).setEndTimeUnixNano(start + i * 1_000_000L + 800_000_000L);
        if (i % SPANS_PER_TRACE != 0) {
          s.setParentSpanId(com.google.protobuf.ByteString.copyFrom(root))
              .addAttributes(kv("gen_ai.operation.name", "chat")).addAttributes(kv("gen_ai.provider.name", "openai"))
              .addAttributes(kv("gen_ai.request.model", "gpt-4o-mini")).addAttributes(kv("gen_ai.usage.input_tokens", 200 + rnd.nextInt(800)))
              .addAttributes(kv("gen_ai.usage.output_tokens", 20 + rnd.nextInt(300)))
              .addAttributes(kv("gen_ai.prompt.0.content", "How do I reset my password? Customer " + rnd.nextInt(100_000) + " asks about order " + rnd.nextInt(1_000_000)))
              .addAttributes(kv("gen_ai.completion.0.content", "To reset your password, open Settings, choose Security and follow the link we e-mail you."));
        }
        ss.addSpans(s);
      }
      ExportTraceServiceRequest request = ExportTraceServiceRequest.newBuilder()
          .addResourceSpans(ResourceSpans.newBuilder().setResource(Resource.newBuilder().addAttributes(kv("service.name", "support-bot"))).addScopeSpans(ss))
          .build();
      ByteArrayOutputStream gz = new ByteArrayOutputStream();
      try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
        request.writeTo(g);
      }
      out.add(gz.toByteArray());
    }
    return out;
  }

  private static long recordsIn(KafkaBroker kafka, String topic) {
    try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(
        java.util.Map.of("bootstrap.servers", kafka.bootstrapServers()),
        new org.apache.kafka.common.serialization.ByteArrayDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      var partitions = consumer.partitionsFor(topic).stream().map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private static byte[] gunzipSize(byte[] gz) throws Exception {
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }

  private static KeyValue kv(String k, long v) {
    return KeyValue.newBuilder().setKey(k).setValue(AnyValue.newBuilder().setIntValue(v)).build();
  }

  private static KeyValue kv(String k, String v) {
    return KeyValue.newBuilder().setKey(k).setValue(AnyValue.newBuilder().setStringValue(v)).build();
  }
}
