package io.llmtraces.trace;

import static io.llmtraces.trace.TestSpans.child;
import static io.llmtraces.trace.TestSpans.root;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TraceVersionerTest {
  private static final String P = TestSpans.PROJECT;
  private static final String T = TestSpans.TRACE;

  @Test
  void firstClosingIsVersionOneWithDuplicatesCountedOnce() {
    var r = root("a000000000000001", 0, 100);
    var c = child("a000000000000002", "a000000000000001", 10, 20);
    TraceVersioner.Closing closing = TraceVersioner.close(P, T, List.of(r, c, c, r), 0, null, 7);

    assertThat(closing.summary().version()).isEqualTo(1);
    assertThat(closing.summary().spanCount()).isEqualTo(2);
    assertThat(closing.newSpans()).containsExactly(r, c);
    assertThat(closing.written().spanIds()).hasSize(2);
  }

  @Test
  void lateSpansMakeTheNextVersionAndOnlyTheyAreWrittenAgain() {
    var r = root("a000000000000001", 0, 100);
    var c = child("a000000000000002", "a000000000000001", 10, 20);
    var late = child("a000000000000003", "a000000000000001", 30, 40);
    WrittenTrace first = TraceVersioner.close(P, T, List.of(r, c), 0, null, 7).written();

    TraceVersioner.Closing second = TraceVersioner.close(P, T, List.of(c, late), 0, first, 8);

    assertThat(second.summary().version()).isEqualTo(2);
    assertThat(second.summary().spanCount()).isEqualTo(3);
    assertThat(second.newSpans()).containsExactly(late);
    assertThat(second.written().spanIds()).hasSize(3);
  }

  @Test
  void redeliveredSpansAloneWriteNothing() {
    var r = root("a000000000000001", 0, 100);
    WrittenTrace first = TraceVersioner.close(P, T, List.of(r), 0, null, 7).written();
    assertThat(TraceVersioner.close(P, T, List.of(r), 0, first, 8)).isNull();
  }

  @Test
  void droppedSpansAloneStillRecordTheNewCount() {
    var r = root("a000000000000001", 0, 100);
    WrittenTrace first = TraceVersioner.close(P, T, List.of(r), 0, null, 7).written();
    TraceVersioner.Closing second = TraceVersioner.close(P, T, List.of(), 3, first, 8);
    assertThat(second.summary().version()).isEqualTo(2);
    assertThat(second.summary().droppedSpanCount()).isEqualTo(3);
    assertThat(second.summary().spanCount()).isEqualTo(1);
    assertThat(second.newSpans()).isEmpty();
  }

  @Test
  void malformedSpanIdsStillDeduplicate() {
    var odd = child("not-hex", "a000000000000001", 0, 1);
    TraceVersioner.Closing closing = TraceVersioner.close(P, T, List.of(odd, odd), 0, null, 1);
    assertThat(closing.newSpans()).hasSize(1);
  }
}
