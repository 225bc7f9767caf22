package io.llmtraces.trace;

import static io.llmtraces.trace.TestSpans.child;
import static io.llmtraces.trace.TestSpans.llm;
import static io.llmtraces.trace.TestSpans.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmtraces.model.TraceSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What stays of a written trace survives the trip through bytes exactly. */
class WrittenTraceTest {

  @Test
  void everyFieldComesBackEqual() {
    var r = root("a000000000000001", 0, 100);
    var c = child("ffffffffffffffff", "a000000000000001", 10, 20);
    var l = llm("8000000000000000", "a000000000000001", 20, 90, "gpt-4o", 12L, null);
    var odd = child("not-hex", "a000000000000001", 30, 40);
    WrittenTrace written = TraceVersioner.close(TestSpans.PROJECT, TestSpans.TRACE, List.of(r, c, l, odd), 3, null, 7).written();

    WrittenTrace back = WrittenTrace.fromBytes(written.toBytes(), TestSpans.PROJECT, TestSpans.TRACE);

    assertThat(back.summary()).isEqualTo(written.summary());
    assertThat(back.spanIds()).containsExactly(written.spanIds());
    assertThat(back.contains(WrittenTrace.spanIdValue("ffffffffffffffff"))).isTrue();
  }

  @Test
  void nullsAndARootlessTraceComeBackEqual() {
    TraceSummary s =
        new TraceSummary("p", "t", 7, -1, Long.MAX_VALUE, Double.NaN, null, null, null, 0, 0, 0, List.of(), null,
            null, null, 0, true, 2, null, null, 0);
    WrittenTrace back = WrittenTrace.fromBytes(new WrittenTrace(s, new long[0]).toBytes(), "p", "t");
    assertThat(back.summary()).isEqualTo(s);
    assertThat(back.spanIds()).isEmpty();
  }

  @Test
  void bytesOfAnotherFormatVersionAreRefused() {
    TraceSummary s =
        new TraceSummary("p", "t", 1, 0, 0, 0, null, null, null, 0, 0, 0, List.of(), null, null, null, 0, true, 0, null, null, 0);
    byte[] bytes = new WrittenTrace(s, new long[0]).toBytes();
    bytes[0] = 99;
    assertThatThrownBy(() -> WrittenTrace.fromBytes(bytes, "p", "t")).hasMessageContaining("format version");
  }

  @Test
  void theFirstFormatWithProjectTraceIdAndLastArrivalIsStillRead() {
    // Format 1, as written until the late retention became a time to live.
    BinaryWriter w = new BinaryWriter(64);
    w.b((byte) 1);
    w.str("p");
    w.str("t");
    for (long v : new long[] {3, 10, 20}) { // version, start, end
      w.varLong(v);
    }
    w.f64(0.01);
    w.str("root");
    w.str("svc");
    w.str(null);
    for (long v : new long[] {2, 0, 1, 1}) { // spans, errors, LLM calls, models
      w.varLong(v);
    }
    w.str("gpt-4o");
    w.optLong(5L);
    w.optLong(null);
    w.optLong(null);
    w.varLong(42);
    w.bool(false);
    w.varLong(0);
    w.str("s");
    w.str(null);
    w.varLong(99);
    w.varLong(2);
    w.i64(-1);
    w.i64(7);
    w.varLong(123); // the last arrival, no longer kept

    WrittenTrace back = WrittenTrace.fromBytes(w.bytes(), "p", "t");
    assertThat(back.summary())
        .isEqualTo(new TraceSummary("p", "t", 3, 10, 20, 0.01, "root", "svc", null, 2, 0, 1, List.of("gpt-4o"), 5L,
            null, null, 42, false, 0, "s", null, 99));
    assertThat(back.spanIds()).containsExactly(-1, 7);
  }
}
