package io.llmtraces.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

class ArrivalWatermarksTest {
  private long now = 1_000_000;
  private final ArrivalWatermarks generator =
      new ArrivalWatermarks(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(60), () -> now);
  private final List<Long> emitted = new ArrayList<>();
  private boolean idle;
  private final WatermarkOutput output =
      new WatermarkOutput() {
        @Override
        public void emitWatermark(Watermark watermark) {
          emitted.add(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {
          idle = true;
        }

        @Override
        public void markActive() {}
      };

  private long last() {
    return emitted.get(emitted.size() - 1);
  }

  @Test
  void whenLiveTrafficStopsEventTimeFollowsTheWallClock() {
    generator.onEvent(null, now - 100, output);
    generator.onPeriodicEmit(output);
    assertThat(last()).isEqualTo(now - 100 - 1000 - 1);
    now += 12_000;
    generator.onPeriodicEmit(output);
    assertThat(last()).isEqualTo(now - 12_000 - 100 - 1000 - 1 + 10_000);
  }

  @Test
  void aPauseWhileReadingABacklogDoesNotMoveEventTime() {
    generator.onEvent(null, now - 3_600_000, output); // an hour old: a backlog
    generator.onPeriodicEmit(output);
    long before = last();
    now += 30_000;
    generator.onPeriodicEmit(output);
    assertThat(emitted).containsOnly(before);
  }

  @Test
  void aDrainedBacklogPartitionFollowsTheWallClockAfterThirtySecondsQuiet() {
    // The job read a backlog to its end and no more records come: its last traces must close.
    generator.onEvent(null, now - 3_600_000, output);
    generator.onPeriodicEmit(output);
    long before = last();
    now += 45_000;
    generator.onPeriodicEmit(output);
    assertThat(last()).isEqualTo(before + 15_000);
  }

  @Test
  void aPartitionWithoutRecordsIsIdleAfterFifteenSeconds() {
    now += 10_000;
    generator.onPeriodicEmit(output);
    assertThat(idle).isFalse();
    now += 6_000;
    generator.onPeriodicEmit(output);
    assertThat(idle).isTrue();
  }
}
