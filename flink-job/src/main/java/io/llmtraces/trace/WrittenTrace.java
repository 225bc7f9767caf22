package io.llmtraces.trace;

import io.llmtraces.model.TraceSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What stays of a trace after it was written: its latest version and the ids of the spans
 * written, so that a late span extends the trace and a redelivered one is recognised.
 *
 * <p>Kept in keyed state as {@link #toBytes() bytes} for the late-span retention after every
 * trace closes (ten minutes of traffic by default: the bulk of the keys in state), where a third
 * of the heap of the object graph does, and a checkpoint copies it instead of serializing it
 * field by field. The bytes leave out the project and trace id: the state's key holds them.
 *
 * @param summary the latest version written
 * @param spanIds the written span ids as 64-bit values, sorted
 */
public record WrittenTrace(TraceSummary summary, long[] spanIds) {

  boolean contains(long spanId) {
    return Arrays.binarySearch(spanIds, spanId) >= 0;
  }

  /** Span ids are 16 hex digits; a malformed id still gets a stable 64-bit value. */
  static long spanIdValue(String spanIdHex) {
    if (spanIdHex.length() == 16) {
      try {
        return Long.parseUnsignedLong(spanIdHex, 16);
      } catch (NumberFormatException e) {
        // fall through to the hash
      }
    }
    return spanIdHex.hashCode() * 0x9E3779B97F4A7C15L;
  }

  /** Format 1 also held the project, the trace id and the last arrival; it is still read. */
  private static final byte VERSION = 2;

  /** This value as bytes, without its project and trace id; {@link #fromBytes} reads them back. */
  public byte[] toBytes() {
    TraceSummary t = summary;
    BinaryWriter w = new BinaryWriter(120 + 8 * spanIds.length);
    w.b(VERSION);
    w.varLong(t.version());
    w.varLong(t.startMicros());
    w.varLong(t.endMicros());
    w.f64(t.durationMs());
    w.str(t.rootSpanName());
    w.str(t.serviceName());
    w.str(t.workflowName());
    w.varLong(t.spanCount());
    w.varLong(t.errorCount());
    w.varLong(t.llmCallCount());
    w.varLong(t.models().size());
    for (String model : t.models()) {
      w.str(model);
    }
    w.optLong(t.inputTokens());
    w.optLong(t.outputTokens());
    w.optLong(t.totalTokens());
    w.varLong(t.tokenSizeBytes());
    w.bool(t.rootMissing());
    w.varLong(t.droppedSpanCount());
    w.str(t.sessionId());
    w.str(t.userId());
    w.varLong(t.ingestedAtMicros());
    w.varLong(spanIds.length);
    for (long id : spanIds) {
      w.i64(id);
    }
    return w.bytes();
  }

  /** The value {@link #toBytes} wrote for the trace of this project and id. */
  public static WrittenTrace fromBytes(byte[] bytes, String project, String traceId) {
    BinaryReader r = new BinaryReader(bytes);
    byte version = r.b();
    if (version != VERSION && version != 1) {
      throw new IllegalArgumentException("written-trace bytes of format version " + version + ", this code reads 1 and " + VERSION);
    }
    if (version == 1) {
      r.str(); // project
      r.str(); // trace id
    }
    int traceVersion = (int) r.varLong();
    long start = r.varLong();
    long end = r.varLong();
    double durationMs = r.f64();
    String rootSpanName = r.str();
    String serviceName = r.str();
    String workflowName = r.str();
    int spanCount = (int) r.varLong();
    int errorCount = (int) r.varLong();
    int llmCallCount = (int) r.varLong();
    int modelCount = (int) r.varLong();
    List<String> models = new ArrayList<>(modelCount);
    for (int i = 0; i < modelCount; i++) {
      models.add(r.str());
    }
    Long inputTokens = r.optLong();
    Long outputTokens = r.optLong();
    Long totalTokens = r.optLong();
    long tokenSizeBytes = r.varLong();
    boolean rootMissing = r.bool();
    int dropped = (int) r.varLong();
    String sessionId = r.str();
    String userId = r.str();
    long ingestedAt = r.varLong();
    long[] ids = new long[(int) r.varLong()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = r.i64();
    }
    TraceSummary summary =
        new TraceSummary(
            project, traceId, traceVersion, start, end, durationMs, rootSpanName, serviceName, workflowName,
            spanCount, errorCount, llmCallCount, models, inputTokens, outputTokens, totalTokens, tokenSizeBytes,
            rootMissing, dropped, sessionId, userId, ingestedAt);
    return new WrittenTrace(summary, ids);
  }
}
