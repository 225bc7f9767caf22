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
    WrittenTrace written = TraceVersioner.close(TestSpans.PROJECT, TestSpans.TRACE, List.of(r, c, l, odd), 3, null, 5, 7).written();

    WrittenTrace back = WrittenTrace.fromBytes(written.toBytes());

    assertThat(back.summary()).isEqualTo(written.summary());
    assertThat(back.spanIds()).containsExactly(written.spanIds());
    assertThat(back.lastArrival()).isEqualTo(5);
    assertThat(back.contains(WrittenTrace.spanIdValue("ffffffffffffffff"))).isTrue();
  }

  @Test
  void nullsAndARootlessTraceComeBackEqual() {
    TraceSummary s =
        new TraceSummary("p", "t", 7, -1, Long.MAX_VALUE, Double.NaN, null, null, null, 0, 0, 0, List.of(), null,
            null, null, 0, true, 2, null, null, 0);
    WrittenTrace back = WrittenTrace.fromBytes(new WrittenTrace(s, new long[0], Long.MIN_VALUE).toBytes());
    assertThat(back.summary()).isEqualTo(s);
    assertThat(back.spanIds()).isEmpty();
    assertThat(back.lastArrival()).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void bytesOfAnotherFormatVersionAreRefused() {
    TraceSummary s =
        new TraceSummary("p", "t", 1, 0, 0, 0, null, null, null, 0, 0, 0, List.of(), null, null, null, 0, true, 0, null, null, 0);
    byte[] bytes = new WrittenTrace(s, new long[0], 0).toBytes();
    bytes[0] = 99;
    assertThatThrownBy(() -> WrittenTrace.fromBytes(bytes)).hasMessageContaining("format version");
  }
}
