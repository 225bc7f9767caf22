package io.llmtraces.trace;

import static io.llmtraces.trace.TestSpans.child;
import static io.llmtraces.trace.TestSpans.llm;
import static io.llmtraces.trace.TestSpans.root;
import static io.llmtraces.trace.TestSpans.withError;
import static io.llmtraces.trace.TestSpans.withService;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmtraces.model.TraceSummary;
import org.junit.jupiter.api.Test;

class TraceSummaryBuilderTest {

  @Test
  void totalsCountOnlyLlmSpansAndKeepUnknownTokensUnknown() {
    TraceSummary t =
        new TraceSummaryBuilder(TestSpans.PROJECT, TestSpans.TRACE)
            .add(root("a000000000000001", 1000, 5000))
            .add(child("a000000000000002", "a000000000000001", 1100, 4000))
            .add(llm("a000000000000003", "a000000000000002", 1200, 3000, "gpt-4o", 100L, 50L))
            .add(llm("a000000000000004", "a000000000000002", 3000, 3900, "claude-haiku", null, null))
            .add(withError(child("a000000000000005", "a000000000000001", 4000, 4500)))
            .build(1, 42);

    assertThat(t.spanCount()).isEqualTo(5);
    assertThat(t.llmCallCount()).isEqualTo(2);
    assertThat(t.errorCount()).isEqualTo(1);
    assertThat(t.models()).containsExactly("claude-haiku", "gpt-4o");
    assertThat(t.inputTokens()).isEqualTo(100L);
    assertThat(t.outputTokens()).isEqualTo(50L);
    assertThat(t.totalTokens()).isEqualTo(150L);
    assertThat(t.tokenSizeBytes()).isEqualTo(200);
    assertThat(t.durationMs()).isEqualTo(4000.0);
    assertThat(t.rootSpanName()).isEqualTo("workflow-a000000000000001");
    assertThat(t.rootMissing()).isFalse();
    assertThat(t.workflowName()).isEqualTo("workflow-a000000000000001");
    assertThat(t.version()).isEqualTo(1);
    assertThat(t.ingestedAtMicros()).isEqualTo(42);
  }

  @Test
  void aTraceWithoutLlmUsageHasNullTokensNotZero() {
    TraceSummary t =
        new TraceSummaryBuilder(TestSpans.PROJECT, TestSpans.TRACE)
            .add(root("a000000000000001", 0, 10))
            .add(llm("a000000000000002", "a000000000000001", 1, 9, "gpt-4o", null, null))
            .build(1, 0);
    assertThat(t.inputTokens()).isNull();
    assertThat(t.outputTokens()).isNull();
    assertThat(t.totalTokens()).isNull();
  }

  @Test
  void withoutARootTheEarliestSpansServiceNamesTheTrace() {
    TraceSummary t =
        new TraceSummaryBuilder(TestSpans.PROJECT, TestSpans.TRACE)
            .add(withService(child("a000000000000002", "a000000000000001", 200, 300), "late-svc"))
            .add(withService(child("a000000000000003", "a000000000000001", 100, 300), "early-svc"))
            .build(1, 0);
    assertThat(t.rootMissing()).isTrue();
    assertThat(t.rootSpanName()).isNull();
    assertThat(t.serviceName()).isEqualTo("early-svc");
  }

  @Test
  void continuingAVersionAddsLateSpansToItsTotals() {
    TraceSummary first =
        new TraceSummaryBuilder(TestSpans.PROJECT, TestSpans.TRACE)
            .add(withService(child("a000000000000002", "a000000000000001", 200, 300), "child-svc"))
            .add(llm("a000000000000003", "a000000000000002", 210, 290, "gpt-4o", 10L, 5L))
            .build(1, 0);
    TraceSummary second =
        TraceSummaryBuilder.continuing(first)
            .add(withService(root("a000000000000001", 100, 400), "root-svc"))
            .add(llm("a000000000000004", "a000000000000002", 250, 280, "gpt-4o", 1L, 1L))
            .addDropped(2)
            .build(2, 0);
    assertThat(second.spanCount()).isEqualTo(4);
    assertThat(second.rootMissing()).isFalse();
    assertThat(second.serviceName()).isEqualTo("root-svc");
    assertThat(second.startMicros()).isEqualTo(100_000);
    assertThat(second.durationMs()).isEqualTo(300.0);
    assertThat(second.inputTokens()).isEqualTo(11L);
    assertThat(second.models()).containsExactly("gpt-4o");
    assertThat(second.droppedSpanCount()).isEqualTo(2);
  }
}
