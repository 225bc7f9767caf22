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
 * <p>Bounded out-of-orderness while records flow. When a <em>live</em> partition (its last record
 * was stamped within {@code liveLag} of the wall clock) falls quiet for longer than
 * {@code idleAfter}, its event time keeps moving at wall-clock speed from its last record, so
 * traces still close when all traffic stops (a quiet project at night, the end of a batch)
 * instead of waiting for a record that may never come.
 *
 * <p>A partition that is being read from a backlog (old timestamps) waits much longer before doing
 * that, {@link #DRAINED_AFTER_MS}: a short pause there means the reader is busy elsewhere or
 * back-pressured, not that traffic stopped, and moving on would close its traces before their
 * remaining spans are read. But a backlog ends: once the job has caught up and no more records
 * come, its last traces must still close. A reader does not leave a partition that has records
 * alone for that long; if it ever did, the cost is traces closed early and written again as a
 * later version when their remaining spans come, not lost spans. A partition that never had a
 * record is marked idle after {@link #NEVER_SEEN_IDLE_MS}, so that it does not hold the others
 * back: long enough for a reader to reach every partition of a backlog, short enough that a
 * partition no trace was ever keyed to does not delay a quiet system for long.
 */
public class ArrivalWatermarks implements WatermarkGenerator<KafkaRecord> {
  static final long NEVER_SEEN_IDLE_MS = 15_000;
  /** A partition read from a backlog and quiet this long has been drained. */
  static final long DRAINED_AFTER_MS = 30_000;

  private final long outOfOrdernessMs;
  private final long idleAfterMs;
  private final long liveLagMs;
  private final LongSupplier wallClock;
  private final long createdWall;
  private long maxTimestamp = Long.MIN_VALUE;
  private long lastRecordWall;
  private boolean live;
  private long emitted = Long.MIN_VALUE;

  public ArrivalWatermarks(Duration outOfOrderness, Duration idleAfter, Duration liveLag, LongSupplier wallClock) {
    this.outOfOrdernessMs = outOfOrderness.toMillis();
    this.idleAfterMs = idleAfter.toMillis();
    this.liveLagMs = liveLag.toMillis();
    this.wallClock = wallClock;
    this.createdWall = wallClock.getAsLong();
  }

  @Override
  public void onEvent(KafkaRecord record, long eventTimestamp, WatermarkOutput output) {
    long now = wallClock.getAsLong();
    maxTimestamp = Math.max(maxTimestamp, eventTimestamp);
    lastRecordWall = now;
    live = now - maxTimestamp <= liveLagMs;
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    long now = wallClock.getAsLong();
    if (maxTimestamp == Long.MIN_VALUE) {
      if (now - createdWall > NEVER_SEEN_IDLE_MS) {
        output.markIdle();
      }
      return;
    }
    long watermark = maxTimestamp - outOfOrdernessMs - 1;
    long quietFor = now - lastRecordWall;
    long waitFor = live ? idleAfterMs : DRAINED_AFTER_MS;
    if (quietFor > waitFor) {
      watermark += quietFor - waitFor;
    }
    if (watermark > emitted) {
      emitted = watermark;
      output.emitWatermark(new Watermark(watermark));
    }
  }
}
