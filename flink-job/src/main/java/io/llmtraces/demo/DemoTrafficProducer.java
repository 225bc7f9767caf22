package io.llmtraces.demo;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Sends demo traffic to Kafka as an OpenTelemetry Collector's kafka exporter would: one OTLP
 * request per record on {@code otlp_spans}. Traces start at the wall clock and each request is held
 * until its spans have ended (unless the rate is 0: then everything goes out at once). With {@code
 * --labelled} it replays a labelled run instead ({@link LabelledReplay}).
 */
public final class DemoTrafficProducer {
  static final long REPORT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);
  static final long MAX_PENDING_SPANS = 200_000;

  private final DemoProducerConfig config;
  private final DemoTraffic traffic;
  private final Function<ExportTraceServiceRequest, byte[]> encoder;
  private final RecordSink sink;
  private final LongSupplier nanoTime;
  private final LongSupplier wallMicros;
  private final PrintStream out;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final ExportSchedule schedule = new ExportSchedule(MAX_PENDING_SPANS);
  private final Pacer pacer;
  private long sentSpans;
  private long sentRecords;
  private long reportedAtNanos;
  private long spansAtReport;

  DemoTrafficProducer(
      DemoProducerConfig config,
      Function<ExportTraceServiceRequest, byte[]> encoder,
      RecordSink sink,
      LongSupplier nanoTime,
      LongSupplier wallMicros,
      PrintStream out) {
    this.config = config;
    this.traffic = new DemoTraffic(DemoTrafficConfig.defaults(config.seed()));
    this.encoder = encoder;
    this.sink = sink;
    this.nanoTime = nanoTime;
    this.wallMicros = wallMicros;
    this.out = out;
    // Waiting on the stop latch instead of sleeping lets stop() end a wait at once without
    // interrupting a thread that may be inside the Kafka client.
    this.pacer =
        new Pacer(config.rate(), nanoTime, nanos -> stopped.await(nanos, TimeUnit.NANOSECONDS));
  }

  public static void main(String[] args) {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      System.out.print(DemoProducerConfig.USAGE);
      return;
    }
    DemoProducerConfig config;
    Function<ExportTraceServiceRequest, byte[]> encoder;
    try {
      config = DemoProducerConfig.parse(args);
      encoder = config.format().encoder();
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      System.err.println(e.getMessage());
      System.err.print(DemoProducerConfig.USAGE);
      System.exit(2);
      return;
    }
    if (config.labelled()) {
      runLabelled(config);
      return;
    }
    RecordSink sink = new KafkaRecordSink(config.bootstrapServers(), config.topic());
    DemoTrafficProducer producer =
        new DemoTrafficProducer(
            config,
            encoder,
            sink,
            System::nanoTime,
            () -> System.currentTimeMillis() * 1000,
            System.out);
    CountDownLatch finished = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  producer.stop();
                  try {
                    finished.await(30, TimeUnit.SECONDS); // let run() flush before the JVM exits
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "demo-producer-shutdown"));
    long failures;
    try (sink) {
      producer.run();
    } finally {
      failures = sink.failures();
      finished.countDown();
    }
    if (failures > 0) {
      System.err.println("[demo] " + failures + " records failed to send");
      System.exit(1);
    }
  }

  private static void runLabelled(DemoProducerConfig config) {
    try {
      LabelledReplay.toKafka(config, config.scenario(), System.out);
      System.out.println("[labelled] ground truth in " + config.truthFile());
    } catch (IOException e) {
      System.err.println("[labelled] " + e.getMessage());
      System.exit(1);
    }
  }

  /** Asks {@link #run()} to stop: it sends what is pending, flushes and returns. */
  public void stop() {
    stopped.countDown();
  }

  /** Produces until the span total is reached or {@link #stop()}; returns the spans sent. */
  public long run() {
    out.printf(
        "[demo] sending to %s topic %s, %s spans/s, format %s, %s%n",
        config.bootstrapServers(),
        config.topic(),
        config.rate() == 0 ? "unlimited" : config.rate(),
        config.format().optionName(),
        config.partitionByTraceId() ? "keyed by trace id" : "no key");
    reportedAtNanos = nanoTime.getAsLong();
    long generated = 0;
    try {
      while (stopped.getCount() > 0
          && (config.totalSpans() == 0 || generated < config.totalSpans())) {
        pacer.awaitTurn();
        if (stopped.getCount() == 0) {
          break;
        }
        GeneratedTrace trace = traffic.next(wallMicros.getAsLong());
        pacer.take(trace.spanCount());
        generated += trace.spanCount();
        if (config.rate() == 0) {
          // Flat out: waiting for span ends would cap the rate, so send right away.
          for (SpanExport export : trace.exports()) {
            send(trace.traceIdHex(), export);
          }
        } else {
          schedule.add(trace);
          sendAll(schedule.pollDue(wallMicros.getAsLong()));
        }
        maybeReport();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      // Whatever was generated goes out, so no trace is left half sent.
      sendAll(schedule.drain());
      sink.flush();
      out.printf("[demo] done: %d spans in %d records%n", sentSpans, sentRecords);
    }
    return sentSpans;
  }

  private void sendAll(List<ExportSchedule.Pending> pending) {
    for (ExportSchedule.Pending p : pending) {
      send(p.traceIdHex(), p.export());
    }
  }

  private void send(String traceIdHex, SpanExport export) {
    byte[] key =
        config.partitionByTraceId() ? traceIdHex.getBytes(StandardCharsets.US_ASCII) : null;
    sink.send(key, encoder.apply(export.request()));
    sentSpans += export.spanCount();
    sentRecords++;
  }

  private void maybeReport() {
    long now = nanoTime.getAsLong();
    if (now - reportedAtNanos >= REPORT_EVERY_NANOS) {
      double seconds = (now - reportedAtNanos) / 1e9;
      out.printf(
          "[demo] %d spans sent, %.0f spans/s, %d records, %d spans waiting for their export"
              + " time%n",
          sentSpans, (sentSpans - spansAtReport) / seconds, sentRecords, schedule.pendingSpans());
      reportedAtNanos = now;
      spansAtReport = sentSpans;
    }
  }
}
