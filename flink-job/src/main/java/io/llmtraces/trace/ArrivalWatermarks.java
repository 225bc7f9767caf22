package io.llmtraces.trace;

import io.llmtraces.ingest.KafkaRecord;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Watermarks for one Kafka partition, in the time of the records' Kafka timestamps.
 *
 * <p>Bounded out-of-orderness while records flow. When a partition that had records falls quiet
 * for longer than {@code idleAfter}, its event time keeps moving at wall-clock speed from its last
 * record, so traces still close when all traffic stops (a quiet project at night, the end of a
 * batch) instead of waiting for a record that may never come. A partition that never had a record
 * is marked idle so that it does not hold the others back.
 */
public class ArrivalWatermarks implements WatermarkGenerator<KafkaRecord> {
  private final long outOfOrdernessMs;
  private final long idleAfterMs;
  private final LongSupplier wallClock;
  private long maxTimestamp = Long.MIN_VALUE;
  private long lastRecordWall;
  private long emitted = Long.MIN_VALUE;

  public ArrivalWatermarks(Duration outOfOrderness, Duration idleAfter, LongSupplier wallClock) {
    this.outOfOrdernessMs = outOfOrderness.toMillis();
    this.idleAfterMs = idleAfter.toMillis();
    this.wallClock = wallClock;
    this.lastRecordWall = wallClock.getAsLong();
  }

  @Override
  public void onEvent(KafkaRecord record, long eventTimestamp, WatermarkOutput output) {
    maxTimestamp = Math.max(maxTimestamp, eventTimestamp);
    lastRecordWall = wallClock.getAsLong();
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    long quietFor = wallClock.getAsLong() - lastRecordWall;
    if (maxTimestamp == Long.MIN_VALUE) {
      if (quietFor > idleAfterMs) {
        output.markIdle();
      }
      return;
    }
    long watermark = maxTimestamp - outOfOrdernessMs - 1;
    if (quietFor > idleAfterMs) {
      watermark += quietFor - idleAfterMs;
    }
    if (watermark > emitted) {
      emitted = watermark;
      output.emitWatermark(new Watermark(watermark));
    }
  }
}
