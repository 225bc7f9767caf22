package io.llmtraces.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A labelled replay: records stamped with their simulated export time, ground truth beside. */
class LabelledReplayTest {
  /** Keeps records with their timestamps. */
  private static final class StampedSink implements RecordSink {
    final List<byte[]> keys = new ArrayList<>();
    final List<byte[]> values = new ArrayList<>();
    final List<Long> stamps = new ArrayList<>();

    @Override
    public void send(byte[] key, byte[] value) {
      throw new AssertionError("a labelled replay sends every record with its timestamp");
    }

    @Override
    public void send(byte[] key, byte[] value, long timestampMillis) {
      keys.add(key);
      values.add(value);
      stamps.add(timestampMillis);
    }

    @Override
    public void flush() {}

    @Override
    public long failures() {
      return 0;
    }

    @Override
    public void close() {}
  }

  @Test
  void recordsCarryTheSimulatedTimelineAndTheTruthCoversTheLabelledPart(@TempDir Path dir)
      throws Exception {
    LabelledScenario scenario =
        LabelledScenario.defaults().scaledTo(Duration.ofMinutes(6)).withTail(Duration.ofMinutes(1));
    StampedSink sink = new StampedSink();
    Path file = dir.resolve("truth.jsonl");
    long end = 1_800_000_000_000_000L;
    LabelledReplay.Summary summary;
    try (GroundTruthFile truth = GroundTruthFile.create(file)) {
      summary =
          new LabelledReplay(
                  scenario,
                  9,
                  OtlpFormat.OTLP_PROTO.encoder(),
                  sink,
                  true,
                  new PrintStream(new ByteArrayOutputStream()))
              .run(end, truth);
    }
    assertThat(summary.startMicros()).isEqualTo(end - Duration.ofMinutes(7).toNanos() / 1000);
    assertThat(summary.labelledEndMicros()).isEqualTo(end - Duration.ofMinutes(1).toNanos() / 1000);
    assertThat(sink.values).hasSize((int) summary.records());
    for (int i = 1; i < sink.stamps.size(); i++) {
      assertThat(sink.stamps.get(i)).isGreaterThanOrEqualTo(sink.stamps.get(i - 1));
    }
    assertThat(sink.stamps.get(0)).isGreaterThanOrEqualTo(summary.startMicros() / 1000);
    // The last traces start before the end and are exported when their spans end.
    assertThat(sink.stamps.get(sink.stamps.size() - 1)).isLessThan(end / 1000 + 600_000);

    Map<String, Integer> sent = new HashMap<>();
    for (int i = 0; i < sink.values.size(); i++) {
      ExportTraceServiceRequest r = ExportTraceServiceRequest.parseFrom(sink.values.get(i));
      String key = new String(sink.keys.get(i), StandardCharsets.US_ASCII);
      r.getResourceSpansList().stream()
          .flatMap(rs -> rs.getScopeSpansList().stream())
          .flatMap(ss -> ss.getSpansList().stream())
          .forEach(
              s -> {
                assertThat(TraceView.hex(s.getTraceId())).isEqualTo(key);
                sent.merge(key, 1, Integer::sum);
              });
    }
    List<GroundTruth> truth = GroundTruthFile.read(file);
    assertThat(truth).hasSize((int) summary.labelledTraces());
    assertThat(summary.traces()).isGreaterThan(summary.labelledTraces());
    for (GroundTruth t : truth) {
      assertThat(t.startMicros()).isBetween(summary.startMicros(), summary.labelledEndMicros() - 1);
      assertThat(sent.get(t.traceId())).as(t.traceId()).isEqualTo(t.spanCount());
    }
    assertThat(truth).anyMatch(t -> !t.faults().isEmpty());
  }
}
