package io.llmtraces.demo;

import io.llmtraces.model.SpanKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A trace being generated: its span tree, who it belongs to, and the faults put into it.
 *
 * <p>This is what a {@link TraceMutator} receives: it can change spans, add retries and must {@link
 * #record} every change it makes so the generated trace carries its own labels.
 */
public final class TracePlan {
  private final long traceIdHigh;
  private final long traceIdLow;
  private final String project;
  private final String sessionId;
  private final String userId;
  private final RandomGenerator idRng;
  private final List<Fault> faults = new ArrayList<>(0);
  private SpanPlan root;
  private String question;

  TracePlan(String project, String sessionId, String userId, RandomGenerator idRng) {
    this.project = project;
    this.sessionId = sessionId;
    this.userId = userId;
    this.idRng = idRng;
    long high;
    long low;
    do {
      high = idRng.nextLong();
      low = idRng.nextLong();
    } while (high == 0 && low == 0);
    this.traceIdHigh = high;
    this.traceIdLow = low;
  }

  /** Starts the tree: the span every other span descends from. */
  SpanPlan root(SpanKind kind, ServiceSpec service, String name) {
    if (root != null) {
      throw new IllegalStateException("trace already has a root");
    }
    root = new SpanPlan(Ids.spanId(idRng), kind, service, name);
    return root;
  }

  /** Adds a child running after its earlier siblings. */
  SpanPlan child(SpanPlan parent, SpanKind kind, ServiceSpec service, String name) {
    return child(parent, kind, service, name, false);
  }

  /** Adds a child; {@code alongsidePrevious} makes it run in parallel with the previous one. */
  SpanPlan child(
      SpanPlan parent, SpanKind kind, ServiceSpec service, String name, boolean alongsidePrevious) {
    SpanPlan child = new SpanPlan(Ids.spanId(idRng), kind, service, name);
    parent.addChild(child, alongsidePrevious);
    return child;
  }

  /** Adds, right after {@code failed}, a fresh attempt of the same leaf call with a new span id. */
  public SpanPlan addRetry(SpanPlan failed) {
    SpanPlan retry =
        new SpanPlan(Ids.spanId(idRng), failed.kind(), failed.service(), failed.entityName());
    retry.setModel(failed.model());
    retry.setTokens(failed.inputTokens(), failed.outputTokens());
    retry.setDetailTokens(failed.cacheReadTokens(), failed.reasoningTokens());
    retry.setStreaming(failed.streaming());
    retry.setUsageReported(failed.usageReported());
    retry.setSystemPrompt(failed.systemPrompt());
    retry.setInput(failed.input());
    retry.setOutput(failed.output());
    retry.setFinishReason(failed.finishReason());
    retry.setDocuments(failed.documents());
    retry.setWork(failed.workMedianMs(), failed.workSigma());
    failed.insertAfter(retry);
    return retry;
  }

  /** Records a fault or anomaly put into this trace. */
  public void record(Fault fault) {
    faults.add(fault);
  }

  public List<Fault> faults() {
    return Collections.unmodifiableList(faults);
  }

  public SpanPlan root() {
    return root;
  }

  /** Every span, parents before children, in the order they were added. */
  public List<SpanPlan> spans() {
    List<SpanPlan> out = new ArrayList<>(16);
    collect(root, out);
    return out;
  }

  /** The model calls (LLM and embedding spans), the usual target of latency and response faults. */
  public List<SpanPlan> modelCalls() {
    List<SpanPlan> out = new ArrayList<>(8);
    for (SpanPlan s : spans()) {
      if (s.isModelCall()) {
        out.add(s);
      }
    }
    return out;
  }

  private static void collect(SpanPlan span, List<SpanPlan> out) {
    out.add(span);
    for (SpanPlan child : span.children()) {
      collect(child, out);
    }
  }

  /** The user's request this trace serves, once the workflow has chosen it. */
  public String question() {
    return question;
  }

  void setQuestion(String question) {
    this.question = question;
  }

  public String project() {
    return project;
  }

  public String sessionId() {
    return sessionId;
  }

  public String userId() {
    return userId;
  }

  public long traceIdHigh() {
    return traceIdHigh;
  }

  public long traceIdLow() {
    return traceIdLow;
  }

  public String traceIdHex() {
    return Ids.hex(traceIdHigh, traceIdLow);
  }
}
