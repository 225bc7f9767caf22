package io.llmtraces.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DemoTrafficProducerTest {
  /** Collects records; thread-safe enough for one producer thread and one reader afterwards. */
  private static final class ListSink implements RecordSink {
    final List<byte[]> keys = new ArrayList<>();
    final List<byte[]> values = new ArrayList<>();
    boolean flushed;

    @Override
    public synchronized void send(byte[] key, byte[] value) {
      keys.add(key);
      values.add(value);
    }

    @Override
    public synchronized void flush() {
      flushed = true;
    }

    @Override
    public long failures() {
      return 0;
    }

    @Override
    public void close() {}
  }

  private static DemoTrafficProducer producer(DemoProducerConfig config, ListSink sink) {
    return new DemoTrafficProducer(
        config,
        config.format().encoder(),
        sink,
        System::nanoTime,
        () -> System.currentTimeMillis() * 1000,
        new PrintStream(new ByteArrayOutputStream()));
  }

  /** Spans per trace id, decoded from the records; checks each record's key on the way. */
  private static Map<String, List<Span>> decode(ListSink sink, boolean keyed) throws Exception {
    Map<String, List<Span>> byTrace = new HashMap<>();
    for (int i = 0; i < sink.values.size(); i++) {
      ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(sink.values.get(i));
      for (ResourceSpans rs : request.getResourceSpansList()) {
        for (ScopeSpans ss : rs.getScopeSpansList()) {
          for (Span span : ss.getSpansList()) {
            String traceId = TraceView.hex(span.getTraceId());
            if (keyed) {
              assertThat(new String(sink.keys.get(i), StandardCharsets.US_ASCII))
                  .isEqualTo(traceId);
            } else {
              assertThat(sink.keys.get(i)).isNull();
            }
            byTrace.computeIfAbsent(traceId, k -> new ArrayList<>()).add(span);
          }
        }
      }
    }
    return byTrace;
  }

  @Test
  void flatOutSendsWholeTracesUntilTheTotal() throws Exception {
    DemoProducerConfig config =
        new DemoProducerConfig(
            "unused:9092", "otlp_spans", 0, 5_000, OtlpFormat.OTLP_PROTO, true, 3);
    ListSink sink = new ListSink();
    long sent = producer(config, sink).run();
    assertThat(sent).isBetween(5_000L, 5_400L); // stops after the trace that reaches the total
    assertThat(sink.flushed).isTrue();
    Map<String, List<Span>> byTrace = decode(sink, true);
    assertThat(byTrace.values().stream().mapToInt(List::size).sum()).isEqualTo((int) sent);
    // The same seed gives the same traces, whole: compare with the generator directly.
    DemoTraffic same = new DemoTraffic(DemoTrafficConfig.defaults(3));
    for (int i = 0; i < 50; i++) {
      GeneratedTrace expected = same.next(0);
      assertThat(byTrace.get(expected.traceIdHex())).hasSize(expected.spanCount());
    }
  }

  @Test
  void pacedTrafficIsHeldUntilItsExportTimeAndDrainedOnStop() throws Exception {
    DemoProducerConfig config =
        new DemoProducerConfig(
            "unused:9092", "otlp_spans", 2_000, 0, OtlpFormat.OTLP_PROTO, false, 4);
    ListSink sink = new ListSink();
    DemoTrafficProducer producer = producer(config, sink);
    CompletableFuture<Long> run = CompletableFuture.supplyAsync(producer::run);
    Thread.sleep(600);
    int sentBeforeStop;
    synchronized (sink) {
      sentBeforeStop = sink.values.size();
    }
    producer.stop();
    long sent = run.get(10, TimeUnit.SECONDS);
    Map<String, List<Span>> byTrace = decode(sink, false);
    int spans = byTrace.values().stream().mapToInt(List::size).sum();
    assertThat(spans).isEqualTo((int) sent);
    // About 1,200 spans in 0.6 s at 2,000/s; traces last seconds, so most waited for the stop.
    assertThat(sent).isBetween(600L, 2_000L);
    assertThat(sink.values.size()).isGreaterThan(sentBeforeStop);
  }
}
