package io.llmtraces.ui.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns candidate rows into the page of traces a query asks for: newest version of each trace
 * first (so an old version never shows), then the filters, the summary over everything that
 * matches, the order and the page. Pure: no Iceberg, no HTTP.
 */
public final class TraceListing {
  private TraceListing() {}

  /** Totals over every trace that matches the filters, not just the page shown. */
  public record Summary(long totalTokens, long anomalyCount, long traceCount, long spanCount) {}

  /** One page of traces, with the number of matching traces and their summary. */
  public record Page(Summary summary, long total, List<TraceRow> traces) {}

  public static Page apply(Iterable<TraceRow> candidates, TraceQuery q) {
    long from = q.from().getEpochSecond() * 1_000_000 + q.from().getNano() / 1000;
    long to = q.to().getEpochSecond() * 1_000_000 + q.to().getNano() / 1000;
    Map<String, TraceRow> latest = new HashMap<>();
    for (TraceRow r : candidates) {
      if (r.project().equals(q.project())) {
        latest.merge(r.traceId(), r, TraceRow::newer);
      }
    }
    List<TraceRow> matching = new ArrayList<>();
    long tokens = 0;
    long anomalies = 0;
    long spans = 0;
    for (TraceRow r : latest.values()) {
      if (r.startMicros() < from || r.startMicros() >= to || !matches(r, q)) {
        continue;
      }
      matching.add(r);
      tokens += r.tokenCount();
      anomalies += r.anomalyCount();
      spans += r.spanCount();
    }
    matching.sort(order(q));
    int end = (int) Math.min(matching.size(), (long) q.offset() + q.limit());
    List<TraceRow> page = q.offset() >= matching.size() ? List.of() : List.copyOf(matching.subList(q.offset(), end));
    return new Page(new Summary(tokens, anomalies, matching.size(), spans), matching.size(), page);
  }

  private static boolean matches(TraceRow r, TraceQuery q) {
    return switch (q.anomalous()) {
          case TRUE -> r.anomalous();
          case FALSE -> !r.anomalous();
          case ALL -> true;
        }
        && (q.minDurationMs() == null || r.durationMs() >= q.minDurationMs())
        && (q.maxDurationMs() == null || r.durationMs() <= q.maxDurationMs())
        && (q.minTokens() == null || r.tokenCount() >= q.minTokens())
        && (q.maxTokens() == null || r.tokenCount() <= q.maxTokens());
  }

  /** The chosen order, then newest first and by id, so pages are stable. */
  private static Comparator<TraceRow> order(TraceQuery q) {
    Comparator<TraceRow> primary =
        switch (q.sort()) {
          case SCORE -> Comparator.comparingDouble(TraceRow::anomalyScore);
          case TIMESTAMP -> Comparator.comparingLong(TraceRow::startMicros);
          case DURATION -> Comparator.comparingDouble(TraceRow::durationMs);
          case TOKENS -> Comparator.comparingLong(TraceRow::tokenCount);
        };
    if (q.descending()) {
      primary = primary.reversed();
    }
    return primary
        .thenComparing(Comparator.comparingLong(TraceRow::startMicros).reversed())
        .thenComparing(TraceRow::traceId);
  }
}
