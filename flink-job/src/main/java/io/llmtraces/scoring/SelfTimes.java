package io.llmtraces.scoring;

import io.llmtraces.model.NormalizedSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A span's own time: its duration minus the part of it that its children cover (overlapping
 * children counted once). Judging a parent by this keeps one slow LLM call from flagging every
 * ancestor: the slowness belongs to the span that spent it.
 */
public final class SelfTimes {
  private SelfTimes() {}

  /** Self time in ms by span id; spans whose children are not among {@code spans} keep their duration. */
  public static Map<String, Double> of(List<NormalizedSpan> spans) {
    Map<String, List<long[]>> children = new HashMap<>();
    for (NormalizedSpan s : spans) {
      if (!s.isRoot()) {
        children.computeIfAbsent(s.parentSpanId(), k -> new ArrayList<>()).add(new long[] {s.startMicros(), s.endMicros()});
      }
    }
    Map<String, Double> self = new HashMap<>(spans.size() * 2);
    for (NormalizedSpan s : spans) {
      List<long[]> kids = children.get(s.spanId());
      long covered = kids == null ? 0 : covered(kids, s.startMicros(), s.endMicros());
      self.put(s.spanId(), Math.max(0, s.durationMs() - covered / 1000.0));
    }
    return self;
  }

  /** Length of the union of the intervals, clipped to [from, to]. */
  static long covered(List<long[]> intervals, long from, long to) {
    intervals.sort((a, b) -> Long.compare(a[0], b[0]));
    long total = 0;
    long runStart = Long.MIN_VALUE;
    long runEnd = Long.MIN_VALUE;
    for (long[] iv : intervals) {
      long s = Math.max(iv[0], from);
      long e = Math.min(iv[1], to);
      if (e <= s) {
        continue;
      }
      if (s > runEnd) {
        total += Math.max(0, runEnd - runStart);
        runStart = s;
        runEnd = e;
      } else {
        runEnd = Math.max(runEnd, e);
      }
    }
    return total + Math.max(0, runEnd - runStart);
  }
}
