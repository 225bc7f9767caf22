package io.llmtraces.scoring;

import io.llmtraces.baseline.Baseline;
import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.model.SpanKind;
import io.llmtraces.model.TraceSummary;
import io.llmtraces.trace.TraceSummaryBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Traces for scoring tests: a workflow root with one LLM call, sized as a test needs. */
final class ScoringFixtures {
  static final String PROJECT = "acme";
  private static int traceCounter;

  private ScoringFixtures() {}

  /** A baseline store in a map. */
  static final class MapStore implements BaselineStore {
    final Map<String, Baseline> map = new HashMap<>();

    @Override
    public Baseline get(String key) {
      return map.get(key);
    }

    @Override
    public void put(String key, Baseline baseline) {
      map.put(key, baseline);
    }
  }

  static NormalizedSpan span(String id, String parent, String name, SpanKind kind, long startMs, double durMs,
      String model, Long outTokens, boolean error, boolean prompt, boolean response) {
    long start = startMs * 1000;
    long end = start + Math.round(durMs * 1000);
    return new NormalizedSpan(
        PROJECT, "t" + traceCounter, id, parent, name, kind, "svc", "chat", name, start, end, durMs,
        error ? "ERROR" : "OK", error ? "upstream timeout" : null, error, error ? "TimeoutError" : null,
        model, null, null, model == null ? null : "openai", model == null ? null : 100L, outTokens,
        outTokens == null ? null : 100 + outTokens, null, null, 0, prompt, response, null, false, null,
        null, null, Map.of(), "{}");
  }

  /** The span moved to another trace. */
  static NormalizedSpan inTrace(NormalizedSpan s, String traceId) {
    return new NormalizedSpan(
        s.project(), traceId, s.spanId(), s.parentSpanId(), s.name(), s.kind(), s.serviceName(), s.workflowName(),
        s.entityName(), s.startMicros(), s.endMicros(), s.durationMs(), s.statusCode(), s.statusMessage(), s.isError(),
        s.errorType(), s.model(), s.responseModel(), s.embeddingModel(), s.provider(), s.inputTokens(),
        s.outputTokens(), s.totalTokens(), s.cacheReadTokens(), s.reasoningTokens(), s.tokenSizeBytes(),
        s.hasPrompt(), s.hasResponse(), s.finishReason(), s.isStreaming(), s.ttftMs(), s.sessionId(), s.userId(),
        s.attributes(), s.spanJson());
  }

  static NormalizedSpan llm(String id, String parent, long startMs, double durMs, Long outTokens) {
    return span(id, parent, "openai.chat", SpanKind.LLM, startMs, durMs, "gpt-4o", outTokens, false, true, true);
  }

  /** A root workflow of {@code overheadMs} of its own around one LLM call. */
  static List<NormalizedSpan> chat(double llmMs, double overheadMs, Long outTokens) {
    traceCounter++;
    NormalizedSpan llm = llm("b" + traceCounter, "a" + traceCounter, 10, llmMs, outTokens);
    NormalizedSpan root =
        span("a" + traceCounter, null, "chat.workflow", SpanKind.WORKFLOW, 0, llmMs + overheadMs, null, null, false, false, false);
    return List.of(root, llm);
  }

  static TraceSummary summarize(List<NormalizedSpan> spans, int version) {
    TraceSummaryBuilder b = new TraceSummaryBuilder(PROJECT, spans.get(0).traceId());
    spans.forEach(b::add);
    return b.build(version, 0);
  }
}
