package io.llmtraces.trace;

import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.model.TraceSummary;
import java.util.List;
import java.util.TreeSet;

/**
 * Folds spans into the totals of a trace, starting from the previous version when late spans
 * reopen a trace that was already written.
 *
 * <p>Token totals and token size sum LLM and embedding spans only: workflow and task spans often
 * repeat their children's usage and content, so summing every span would count it twice.
 */
public final class TraceSummaryBuilder {
  private final String project;
  private final String traceId;
  private long start = Long.MAX_VALUE;
  private long end = Long.MIN_VALUE;
  private String rootName;
  private long rootStart = Long.MAX_VALUE;
  private String service;
  private long serviceSpanStart = Long.MAX_VALUE;
  private boolean serviceFromRoot;
  private String workflow;
  private int spanCount;
  private int errorCount;
  private int llmCallCount;
  private final TreeSet<String> models = new TreeSet<>();
  private Long inputTokens;
  private Long outputTokens;
  private Long totalTokens;
  private long tokenSizeBytes;
  private int droppedSpans;
  private String sessionId;
  private String userId;

  public TraceSummaryBuilder(String project, String traceId) {
    this.project = project;
    this.traceId = traceId;
  }

  /** Starts from a version already written; its spans are not seen again. */
  public static TraceSummaryBuilder continuing(TraceSummary previous) {
    TraceSummaryBuilder b = new TraceSummaryBuilder(previous.project(), previous.traceId());
    b.start = previous.startMicros();
    b.end = previous.endMicros();
    if (!previous.rootMissing()) {
      b.rootName = previous.rootSpanName();
      b.rootStart = previous.startMicros();
    }
    b.service = previous.serviceName();
    b.serviceSpanStart = previous.startMicros();
    b.serviceFromRoot = !previous.rootMissing();
    b.workflow = previous.workflowName();
    b.spanCount = previous.spanCount();
    b.errorCount = previous.errorCount();
    b.llmCallCount = previous.llmCallCount();
    b.models.addAll(previous.models());
    b.inputTokens = previous.inputTokens();
    b.outputTokens = previous.outputTokens();
    b.totalTokens = previous.totalTokens();
    b.tokenSizeBytes = previous.tokenSizeBytes();
    b.droppedSpans = previous.droppedSpanCount();
    b.sessionId = previous.sessionId();
    b.userId = previous.userId();
    return b;
  }

  public TraceSummaryBuilder add(NormalizedSpan span) {
    spanCount++;
    start = Math.min(start, span.startMicros());
    end = Math.max(end, span.endMicros());
    if (span.isRoot() && span.startMicros() < rootStart) {
      rootName = span.name();
      rootStart = span.startMicros();
    }
    takeService(span);
    if (workflow == null || (span.isRoot() && span.workflowName() != null)) {
      workflow = span.workflowName();
    }
    if (span.isError()) {
      errorCount++;
    }
    if (span.isLlmCall()) {
      llmCallCount++;
      String model = span.model() != null ? span.model() : span.embeddingModel();
      if (model != null) {
        models.add(model);
      }
      inputTokens = plus(inputTokens, span.inputTokens());
      outputTokens = plus(outputTokens, span.outputTokens());
      totalTokens = plus(totalTokens, span.totalTokens());
      tokenSizeBytes += span.tokenSizeBytes();
    }
    if (sessionId == null) {
      sessionId = span.sessionId();
    }
    if (userId == null) {
      userId = span.userId();
    }
    return this;
  }

  public TraceSummaryBuilder addDropped(int count) {
    droppedSpans += count;
    return this;
  }

  public boolean isEmpty() {
    return spanCount == 0;
  }

  public TraceSummary build(int version, long ingestedAtMicros) {
    if (spanCount == 0) {
      throw new IllegalStateException("a trace needs at least one span");
    }
    String workflowName = workflow != null ? workflow : rootName;
    return new TraceSummary(
        project,
        traceId,
        version,
        start,
        end,
        (end - start) / 1000.0,
        rootName,
        service,
        workflowName,
        spanCount,
        errorCount,
        llmCallCount,
        List.copyOf(models),
        inputTokens,
        outputTokens,
        totalTokens,
        tokenSizeBytes,
        rootName == null,
        droppedSpans,
        sessionId,
        userId,
        ingestedAtMicros);
  }

  /** The root's service names the trace; without a root, the earliest span's. */
  private void takeService(NormalizedSpan span) {
    if (span.serviceName() == null || serviceFromRoot) {
      return;
    }
    if (span.isRoot()) {
      service = span.serviceName();
      serviceFromRoot = true;
    } else if (span.startMicros() < serviceSpanStart) {
      service = span.serviceName();
      serviceSpanStart = span.startMicros();
    }
  }

  /** Unknown plus unknown stays unknown; unknown plus a count is the count. */
  private static Long plus(Long sum, Long value) {
    if (value == null) {
      return sum;
    }
    return sum == null ? value : sum + value;
  }
}
