package io.llmtraces.trace;

import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.model.TraceSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides what one closing of a trace writes: the next version of the trace and the spans that
 * were not written before. Redelivered spans (same span id) count once.
 */
public final class TraceVersioner {

  /**
   * What a closing writes.
   *
   * @param summary the new version of the trace
   * @param newSpans the spans to write with that version: instances of {@code pending}, in its order
   * @param written what to remember of the trace afterwards
   */
  public record Closing(TraceSummary summary, List<NormalizedSpan> newSpans, WrittenTrace written) {}

  private TraceVersioner() {}

  /**
   * Returns the closing, or {@code null} when the pending spans add nothing (all were duplicates
   * of written ones and none was dropped): the written version stays the newest.
   *
   * @param previous the version written before, or null for a new trace
   */
  public static Closing close(
      String project,
      String traceId,
      Iterable<NormalizedSpan> pending,
      int droppedSinceLastClose,
      WrittenTrace previous,
      long nowMicros) {
    TraceSummaryBuilder builder =
        previous == null
            ? new TraceSummaryBuilder(project, traceId)
            : TraceSummaryBuilder.continuing(previous.summary());
    Set<Long> seen = new HashSet<>();
    List<NormalizedSpan> fresh = new ArrayList<>();
    for (NormalizedSpan span : pending) {
      long id = WrittenTrace.spanIdValue(span.spanId());
      if ((previous != null && previous.contains(id)) || !seen.add(id)) {
        continue;
      }
      fresh.add(span);
      builder.add(span);
    }
    if (fresh.isEmpty() && droppedSinceLastClose == 0) {
      return null;
    }
    builder.addDropped(droppedSinceLastClose);
    int version = previous == null ? 1 : previous.summary().version() + 1;
    TraceSummary summary = builder.build(version, nowMicros);
    long[] ids = mergeIds(previous, seen);
    return new Closing(summary, fresh, new WrittenTrace(summary, ids));
  }

  private static long[] mergeIds(WrittenTrace previous, Set<Long> added) {
    int old = previous == null ? 0 : previous.spanIds().length;
    long[] ids = new long[old + added.size()];
    if (previous != null) {
      System.arraycopy(previous.spanIds(), 0, ids, 0, old);
    }
    int i = old;
    for (long id : added) {
      ids[i++] = id;
    }
    Arrays.sort(ids);
    return ids;
  }
}
