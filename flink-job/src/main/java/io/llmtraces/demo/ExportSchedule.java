package io.llmtraces.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Requests waiting for the moment an SDK would send them, so live traffic interleaves traces and
 * sends a long trace's root after its children. Bounded: past {@code maxPendingSpans} the earliest
 * requests go out early rather than holding unbounded memory at high rates.
 */
final class ExportSchedule {
  /** A request with the trace it belongs to. */
  record Pending(String traceIdHex, SpanExport export, long sequence) {}

  private final PriorityQueue<Pending> queue =
      new PriorityQueue<>(
          (a, b) ->
              a.export().sentAtMicros() != b.export().sentAtMicros()
                  ? Long.compare(a.export().sentAtMicros(), b.export().sentAtMicros())
                  : Long.compare(a.sequence(), b.sequence()));
  private final long maxPendingSpans;
  private long pendingSpans;
  private long sequence;

  ExportSchedule(long maxPendingSpans) {
    this.maxPendingSpans = maxPendingSpans;
  }

  void add(GeneratedTrace trace) {
    for (SpanExport export : trace.exports()) {
      queue.add(new Pending(trace.traceIdHex(), export, sequence++));
      pendingSpans += export.spanCount();
    }
  }

  /** Requests due at {@code nowMicros}, plus the earliest ones beyond the memory bound. */
  List<Pending> pollDue(long nowMicros) {
    List<Pending> due = new ArrayList<>();
    while (!queue.isEmpty()
        && (queue.peek().export().sentAtMicros() <= nowMicros || pendingSpans > maxPendingSpans)) {
      due.add(take());
    }
    return due;
  }

  /** Everything still waiting, in send order. */
  List<Pending> drain() {
    List<Pending> all = new ArrayList<>(queue.size());
    while (!queue.isEmpty()) {
      all.add(take());
    }
    return all;
  }

  long pendingSpans() {
    return pendingSpans;
  }

  private Pending take() {
    Pending p = queue.poll();
    pendingSpans -= p.export().spanCount();
    return p;
  }
}
