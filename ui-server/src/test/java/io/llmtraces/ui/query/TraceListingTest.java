package io.llmtraces.ui.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceListingTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  private static TraceRow row(String id, int version, int minutesAgo, double ms, long tokens, double score, boolean anomalous, String... types) {
    long start = (NOW.getEpochSecond() - minutesAgo * 60L) * 1_000_000;
    return new TraceRow("acme", id, version, start, ms, 3, tokens, 10, score, List.of(types), anomalous, anomalous ? 1 : 0, "root", "svc", List.of(), null, null);
  }

  private static TraceQuery query(TraceQuery.Anomalous a, TraceQuery.Sort sort, boolean desc, Double minMs, Long maxTokens) {
    return new TraceQuery("acme", NOW.minusSeconds(86_400), NOW, minMs, null, null, maxTokens, a, sort, desc, 2, 0);
  }

  @Test
  void onlyTheNewestVersionOfATraceCounts() {
    List<TraceRow> rows = List.of(row("t1", 1, 10, 100, 5, 80, true, "SPAN_ERROR"), row("t1", 2, 10, 120, 7, 20, false));
    TraceListing.Page all = TraceListing.apply(rows, query(TraceQuery.Anomalous.ALL, TraceQuery.Sort.SCORE, true, null, null));
    assertThat(all.traces()).singleElement().extracting(TraceRow::version).isEqualTo(2);
    TraceListing.Page anomalous = TraceListing.apply(rows, query(TraceQuery.Anomalous.TRUE, TraceQuery.Sort.SCORE, true, null, null));
    assertThat(anomalous.total()).isZero();
  }

  @Test
  void ofTwoFirstVersionsTheOneWithMoreSpansStandsForTheTrace() {
    // A span later than the job's late retention writes its trace again as a version 1 of one span.
    TraceRow whole = row("t1", 1, 10, 900, 50, 10, false);
    TraceRow straggler = new TraceRow("acme", "t1", 1, whole.startMicros(), 20, 1, 0, 0, 0, List.of(), false, 0, null, "svc", List.of(), null, null);
    for (List<TraceRow> rows : List.of(List.of(whole, straggler), List.of(straggler, whole))) {
      TraceListing.Page page = TraceListing.apply(rows, query(TraceQuery.Anomalous.ALL, TraceQuery.Sort.SCORE, true, null, null));
      assertThat(page.traces()).singleElement().isSameAs(whole);
    }
    TraceRow second = row("t1", 2, 10, 950, 55, 10, false);
    assertThat(TraceRow.newer(second, whole)).isSameAs(second);
    assertThat(TraceRow.newer(straggler, second)).isSameAs(second);
  }

  @Test
  void summaryFollowsTheFiltersAndPagesAreStable() {
    List<TraceRow> rows = List.of(
        row("a", 1, 5, 100, 10, 90, true, "SPAN_RESPONSE_TIME", "TRACE_RESPONSE_TIME"),
        row("b", 1, 6, 2000, 20, 70, true, "SPAN_ERROR"),
        row("c", 1, 7, 3000, 30, 60, true, "SPAN_ERROR"),
        row("d", 1, 8, 4000, 40, 5, false),
        row("e", 1, 60 * 25, 5000, 50, 99, true, "SPAN_ERROR")); // outside the last 24 h
    TraceListing.Page p = TraceListing.apply(rows, query(TraceQuery.Anomalous.TRUE, TraceQuery.Sort.SCORE, true, 1000.0, null));
    assertThat(p.total()).isEqualTo(2);
    assertThat(p.summary()).isEqualTo(new TraceListing.Summary(50, 2, 2, 6));
    assertThat(p.traces()).extracting(TraceRow::traceId).containsExactly("b", "c");

    TraceListing.Page byDuration = TraceListing.apply(rows, query(TraceQuery.Anomalous.ALL, TraceQuery.Sort.DURATION, false, null, 35L));
    assertThat(byDuration.total()).isEqualTo(3);
    assertThat(byDuration.traces()).extracting(TraceRow::traceId).containsExactly("a", "b");
    assertThat(byDuration.summary().anomalyCount()).isEqualTo(4); // a: a span and the trace itself; b, c: a span each
  }
}
