package io.llmtraces.demo;

/**
 * Places every span of a plan in time from its gaps and durations, so that parents enclose their
 * children: sequential children one after another, a child marked concurrent alongside the previous
 * one, and the next sequential child after all of them.
 */
final class TraceLayout {
  private TraceLayout() {}

  /** Lays the whole tree out from {@code startMicros}; returns the root's end. */
  static long layout(SpanPlan root, long startMicros) {
    return place(root, startMicros);
  }

  private static long place(SpanPlan span, long start) {
    if (span.isLeaf()) {
      long end = start + span.durationMicros();
      span.place(start, end);
      return end;
    }
    long frontier = start;
    long previousStart = start;
    for (SpanPlan child : span.children()) {
      long childStart = (child.concurrent() ? previousStart : frontier) + child.gapBeforeMicros();
      long childEnd = place(child, childStart);
      previousStart = childStart;
      frontier = Math.max(frontier, childEnd);
    }
    long end = frontier + span.tailMicros();
    span.place(start, end);
    span.setDurationMicros(end - start);
    return end;
  }
}
