package io.llmtraces.demo;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * The labelled mode of the demo producer: a run of simulated time that ends now, with the anomalies
 * of a {@link LabelledScenario}, sent as fast as the broker takes it, and its ground truth written
 * to a file.
 *
 * <p>Each Kafka record's timestamp is the simulated time its SDK would have exported it, and the
 * job's event time is the Kafka timestamp: replaying two hours in a minute keeps the simulated
 * timeline (the quiet gaps that close traces, the order of traces, the minutes baselines see).
 */
public final class LabelledReplay {
  private static final long REPORT_EVERY_NANOS = 5_000_000_000L;

  /**
   * What a replay sent.
   *
   * @param startMicros simulated start of the run
   * @param labelledEndMicros end of its labelled part (the unlabelled tail follows)
   * @param labelledTraces traces in the ground truth
   * @param traces every trace sent, the tail's included
   * @param spans spans sent
   * @param records Kafka records sent
   */
  public record Summary(
      long startMicros,
      long labelledEndMicros,
      long labelledTraces,
      long traces,
      long spans,
      long records) {}

  private final LabelledScenario scenario;
  private final long seed;
  private final Function<ExportTraceServiceRequest, byte[]> encoder;
  private final RecordSink sink;
  private final boolean keyed;
  private final PrintStream out;
  private long spans;
  private long records;

  LabelledReplay(
      LabelledScenario scenario,
      long seed,
      Function<ExportTraceServiceRequest, byte[]> encoder,
      RecordSink sink,
      boolean keyed,
      PrintStream out) {
    this.scenario = scenario;
    this.seed = seed;
    this.encoder = encoder;
    this.sink = sink;
    this.keyed = keyed;
    this.out = out;
  }

  /**
   * Sends the labelled run of {@code scenario} to the Kafka topic of {@code config} (its seed,
   * format and keying), ending at the wall clock, and writes the ground truth to {@code
   * config.truthFile()}.
   *
   * @throws IOException when the truth file cannot be written or records failed to send
   */
  public static Summary toKafka(
      DemoProducerConfig config, LabelledScenario scenario, PrintStream out) throws IOException {
    try (RecordSink sink = new KafkaRecordSink(config.bootstrapServers(), config.topic());
        GroundTruthFile truth = GroundTruthFile.create(config.truthFile())) {
      LabelledReplay replay =
          new LabelledReplay(
              scenario,
              config.seed(),
              config.format().encoder(),
              sink,
              config.partitionByTraceId(),
              out);
      Summary summary = replay.run(System.currentTimeMillis() * 1000, truth);
      if (sink.failures() > 0) {
        throw new IOException(sink.failures() + " records failed to send");
      }
      return summary;
    }
  }

  /** Generates and sends the run that ends at {@code endMicros}; writes its labelled part. */
  Summary run(long endMicros, GroundTruthFile truth) throws IOException {
    long startMicros =
        endMicros - (scenario.length().toMillis() + scenario.tail().toMillis()) * 1000;
    long labelledEnd = startMicros + scenario.length().toMillis() * 1000;
    DemoTrafficConfig config =
        DemoTrafficConfig.defaults(seed).withClock(startMicros, scenario.tracesPerSecond());
    DemoTraffic traffic = new DemoTraffic(config, new AnomalyInjector(scenario, startMicros));
    // No memory bound: requests leave on the simulated clock, a few seconds behind generation.
    ExportSchedule schedule = new ExportSchedule(Long.MAX_VALUE);
    out.printf(
        "[labelled] %d simulated minutes + %d minutes of tail at %s traces/s, seed %d%n",
        scenario.length().toMinutes(),
        scenario.tail().toMinutes(),
        scenario.tracesPerSecond(),
        seed);
    long labelled = 0;
    long traces = 0;
    long reportedAt = System.nanoTime();
    while (true) {
      GeneratedTrace trace = traffic.next();
      if (trace.startMicros() >= endMicros) {
        break;
      }
      traces++;
      // A trace without exported spans never reaches the tables: it has nothing to evaluate.
      if (trace.startMicros() < labelledEnd && trace.spanCount() > 0) {
        truth.write(GroundTruth.of(trace, scenario));
        labelled++;
      }
      schedule.add(trace);
      sendAll(schedule.pollDue(trace.startMicros()));
      if (System.nanoTime() - reportedAt >= REPORT_EVERY_NANOS) {
        reportedAt = System.nanoTime();
        out.printf(
            "[labelled] simulated minute %d: %d traces, %d spans sent%n",
            (trace.startMicros() - startMicros) / 60_000_000, traces, spans);
      }
    }
    sendAll(schedule.drain());
    sink.flush();
    out.printf(
        "[labelled] done: %d traces (%d labelled), %d spans in %d records%n",
        traces, labelled, spans, records);
    return new Summary(startMicros, labelledEnd, labelled, traces, spans, records);
  }

  private void sendAll(List<ExportSchedule.Pending> pending) {
    for (ExportSchedule.Pending p : pending) {
      byte[] key = keyed ? p.traceIdHex().getBytes(StandardCharsets.US_ASCII) : null;
      sink.send(key, encoder.apply(p.export().request()), p.export().sentAtMicros() / 1000);
      spans += p.export().spanCount();
      records++;
    }
  }
}
