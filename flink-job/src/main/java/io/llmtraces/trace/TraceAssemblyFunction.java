package io.llmtraces.trace;

import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.model.TraceSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by (project, trace id): buffers a trace's spans until it is complete, then emits the
 * closed trace (its summary and the spans not emitted before) for scoring.
 *
 * <p>Buffered spans stay {@link SpanCodec} bytes until their trace closes: that is most of the
 * job's state, and bytes are cheap to hold, to snapshot on every checkpoint and to send on.
 *
 * <p>Time is event time, where an element's time is its Kafka record's timestamp; the watermark
 * keeps moving with the wall clock when traffic stops (see {@code ArrivalWatermarks}), so a trace
 * closes even if no further record comes. The decisions are in {@link CompletionPolicy} and
 * {@link TraceVersioner}; this class only moves state and timers.
 */
public class TraceAssemblyFunction extends KeyedProcessFunction<TraceKey, EncodedSpan, ClosedTrace> {

  private static final int WRITTEN_TRACE_SLOTS_PER_ACCESS = 5;

  private final AssemblyOptions options;
  private transient CompletionPolicy policy;
  private transient ValueState<TraceProgress> progressState;
  private transient ListState<byte[]> pendingState;
  private transient ValueState<byte[]> writtenState;
  private transient Counter droppedSpans;
  private transient Counter lateSpans;
  private transient Counter tracesClosed;
  private transient Counter rootlessTraces;

  public TraceAssemblyFunction(AssemblyOptions options) {
    this.options = options;
  }

  @Override
  public void open(OpenContext openContext) {
    policy = new CompletionPolicy(options);
    // A backstop only: timers clear state long before this, unless time stops entirely.
    Duration ttl = options.maxOpen().plus(options.lateRetention()).multipliedBy(2).plusHours(1);
    // Expired state is never read, and is left out of every checkpoint (so a restart frees it) and
    // of RocksDB's compactions. Not TTL's background cleanup on the heap backend: it visits a few
    // entries on every state access, copying span lists as it goes (several % of the job's CPU).
    StateTtlConfig ttlConfig =
        StateTtlConfig.newBuilder(ttl).disableCleanupInBackground().cleanupFullSnapshot().cleanupInRocksdbCompactFilter(1000).build();
    ValueStateDescriptor<TraceProgress> progress = new ValueStateDescriptor<>("progress", TraceProgress.class);
    progress.enableTimeToLive(ttlConfig);
    ListStateDescriptor<byte[]> pending =
        new ListStateDescriptor<>("pending-span-bytes", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
    pending.enableTimeToLive(ttlConfig);
    ValueStateDescriptor<byte[]> written =
        new ValueStateDescriptor<>("written-trace-bytes", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
    written.enableTimeToLive(writtenTraceTtl(options.lateRetention()));
    progressState = getRuntimeContext().getState(progress);
    pendingState = getRuntimeContext().getListState(pending);
    writtenState = getRuntimeContext().getState(written);
    var metrics = getRuntimeContext().getMetricGroup();
    droppedSpans = metrics.counter("spansDroppedOverCap");
    lateSpans = metrics.counter("lateSpans");
    tracesClosed = metrics.counter("tracesWritten");
    rootlessTraces = metrics.counter("tracesRootMissing");
  }

  /**
   * The late retention is the written trace's time to live (wall-clock time since the trace was
   * last written) rather than a timer per trace: a timer would be one more entry per remembered
   * trace, written by every checkpoint and fired once. The heap backend frees expired traces as
   * it goes: each access to this state looks at the next five slots of its hash table (a bytes
   * value is checked without being copied). A trace is accessed at least three times (its span,
   * its closing, its write) and takes one to three slots, so the whole store is swept every fifth
   * of the retention or sooner.
   */
  private static StateTtlConfig writtenTraceTtl(Duration retention) {
    // A zero retention keeps nothing (see closeTrace); the TTL must still be positive.
    return StateTtlConfig.newBuilder(retention.isZero() ? Duration.ofMillis(1) : retention)
        .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
        .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
        .cleanupIncrementally(WRITTEN_TRACE_SLOTS_PER_ACCESS, false)
        .cleanupFullSnapshot()
        .cleanupInRocksdbCompactFilter(1000)
        .build();
  }

  @Override
  public void processElement(EncodedSpan span, Context ctx, Collector<ClosedTrace> out) throws Exception {
    long arrival = ctx.timestamp() != null ? ctx.timestamp() : ctx.timerService().currentProcessingTime();
    TraceProgress progress = progressState.value();
    if (progress == null) {
      WrittenTrace written = written(ctx.getCurrentKey());
      if (written != null) {
        lateSpans.inc();
      }
      // A trace that was written already had its root, or never will: close on the quiet gap.
      progress = TraceProgress.opened(arrival, written != null, written == null ? 0 : written.spanIds().length);
    }
    if (progress.storedCount() >= options.maxSpansPerTrace()) {
      droppedSpans.inc();
      progress = progress.withDropped();
    } else {
      pendingState.add(span.bytes());
      progress = progress.withSpan(arrival, span.root());
    }
    long closeAt = policy.closeAt(progress);
    if (closeAt < progress.closeTimer() || progress.closeTimer() == Long.MIN_VALUE) {
      if (progress.closeTimer() != Long.MIN_VALUE) {
        // The later timer would only fire for nothing, and wait in every checkpoint until then: for
        // a trace whose root comes after a child (the usual order of export), the maximum open time.
        ctx.timerService().deleteEventTimeTimer(progress.closeTimer());
      }
      ctx.timerService().registerEventTimeTimer(closeAt);
      progress = progress.withCloseTimer(closeAt);
    }
    progressState.update(progress);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ClosedTrace> out) throws Exception {
    TraceProgress progress = progressState.value();
    if (progress != null) {
      if (timestamp < progress.closeTimer()) {
        return; // superseded by an earlier timer that already handled this trace
      }
      long closeAt = policy.closeAt(progress);
      if (closeAt > timestamp) {
        ctx.timerService().registerEventTimeTimer(closeAt);
        progressState.update(progress.withCloseTimer(closeAt));
        return;
      }
      closeTrace(progress, ctx, out);
    }
    // Else a timer of a closed trace: nothing to do (checkpoints from before the late retention
    // became a time to live have one per remembered trace).
  }

  private void closeTrace(TraceProgress progress, OnTimerContext ctx, Collector<ClosedTrace> out) throws Exception {
    TraceKey key = ctx.getCurrentKey();
    WrittenTrace previous = written(key);
    long nowMicros = ctx.timerService().currentProcessingTime() * 1000L;
    List<byte[]> pendingBytes = new ArrayList<>(progress.pendingCount());
    List<NormalizedSpan> pending = new ArrayList<>(progress.pendingCount());
    for (byte[] bytes : pendingState.get()) {
      pendingBytes.add(bytes);
      pending.add(SpanCodec.decodeFacts(bytes)); // the summary needs no bodies; the bytes go on whole
    }
    TraceVersioner.Closing closing =
        TraceVersioner.close(key.project(), key.traceId(), pending, progress.droppedCount(), previous, nowMicros);
    pendingState.clear();
    progressState.clear();
    if (closing == null) {
      return;
    }
    TraceSummary summary = closing.summary();
    out.collect(new ClosedTrace(summary, bytesOf(closing.newSpans(), pending, pendingBytes)));
    tracesClosed.inc();
    if (summary.rootMissing() && summary.version() == 1) {
      rootlessTraces.inc();
    }
    if (!options.lateRetention().isZero()) {
      writtenState.update(closing.written().toBytes());
    }
  }

  private WrittenTrace written(TraceKey key) throws Exception {
    byte[] bytes = writtenState.value();
    return bytes == null ? null : WrittenTrace.fromBytes(bytes, key.project(), key.traceId());
  }

  /** The original bytes of the spans kept, which the versioner returns in their pending order. */
  private static List<byte[]> bytesOf(List<NormalizedSpan> kept, List<NormalizedSpan> pending, List<byte[]> pendingBytes) {
    List<byte[]> bytes = new ArrayList<>(kept.size());
    int j = 0;
    for (NormalizedSpan span : kept) {
      while (pending.get(j) != span) {
        j++;
      }
      bytes.add(pendingBytes.get(j++));
    }
    return bytes;
  }
}
