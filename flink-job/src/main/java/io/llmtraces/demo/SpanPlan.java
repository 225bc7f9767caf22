package io.llmtraces.demo;

import io.llmtraces.model.SpanKind;
import java.util.ArrayList;
import java.util.List;

/**
 * One span of a trace being generated, before it is written as OTLP.
 *
 * <p>Mutable on purpose: the workflow shapes fill it, the latency model times it, and then natural
 * faults and injected anomalies ({@link TraceMutator}) may change its latency, outcome, response
 * or model before {@link TraceLayout} places it in time and it is rendered.
 */
public final class SpanPlan {
  private final long spanId;
  private final SpanKind kind;
  private final ServiceSpec service;
  private final String entityName;
  private SpanPlan parent;
  private final List<SpanPlan> children = new ArrayList<>(4);
  private boolean concurrent;

  private ModelSpec model;
  private int inputTokens;
  private int outputTokens;
  private int cacheReadTokens;
  private int reasoningTokens;
  private boolean streaming;
  private boolean usageReported = true;
  private String systemPrompt;
  private String input;
  private String output;
  private String finishReason;
  private int documents;

  // A parent's own time after its children; leaves that are not model calls override it.
  private double workMedianMs = 0.8;
  private double workSigma = 1.0;
  private long gapBeforeMicros;
  private long tailMicros;
  private long durationMicros;
  private long ttftMicros;
  private long startMicros;
  private long endMicros;

  private boolean error;
  private String errorType;
  private String errorMessage;
  private boolean exported = true;

  SpanPlan(long spanId, SpanKind kind, ServiceSpec service, String entityName) {
    this.spanId = spanId;
    this.kind = kind;
    this.service = service;
    this.entityName = entityName;
  }

  /** Appends a child that runs after the previous children, or alongside the previous one. */
  void addChild(SpanPlan child, boolean alongsidePrevious) {
    child.parent = this;
    child.concurrent = alongsidePrevious && !children.isEmpty();
    children.add(child);
  }

  /** Inserts a sibling right after this span, running after it (a retry, a fallback). */
  void insertAfter(SpanPlan sibling) {
    sibling.parent = parent;
    sibling.concurrent = false;
    parent.children.add(parent.children.indexOf(this) + 1, sibling);
  }

  /** Drops every sibling that would have started after this span: work an exception cut short. */
  void dropLaterSiblings() {
    if (parent != null) {
      List<SpanPlan> siblings = parent.children;
      siblings.subList(siblings.indexOf(this) + 1, siblings.size()).clear();
    }
  }

  // Identity and structure.
  public long spanId() { return spanId; }
  public String spanIdHex() { return Ids.hex(spanId); }
  public SpanKind kind() { return kind; }
  public ServiceSpec service() { return service; }
  public String entityName() { return entityName; }
  public SpanPlan parent() { return parent; }
  public List<SpanPlan> children() { return children; }
  public boolean isLeaf() { return children.isEmpty(); }
  public boolean concurrent() { return concurrent; }
  public boolean isModelCall() { return kind == SpanKind.LLM || kind == SpanKind.EMBEDDING; }

  // Model call content.
  public ModelSpec model() { return model; }
  public void setModel(ModelSpec model) { this.model = model; }
  public int inputTokens() { return inputTokens; }
  public int outputTokens() { return outputTokens; }
  public void setTokens(int input, int output) { inputTokens = input; outputTokens = output; }
  public int cacheReadTokens() { return cacheReadTokens; }
  public int reasoningTokens() { return reasoningTokens; }
  public void setDetailTokens(int cacheRead, int reasoning) {
    cacheReadTokens = cacheRead;
    reasoningTokens = reasoning;
  }
  public boolean streaming() { return streaming; }
  public void setStreaming(boolean streaming) { this.streaming = streaming; }
  public boolean usageReported() { return usageReported; }
  public void setUsageReported(boolean reported) { usageReported = reported; }
  public String systemPrompt() { return systemPrompt; }
  public void setSystemPrompt(String prompt) { systemPrompt = prompt; }
  public String input() { return input; }
  public void setInput(String input) { this.input = input; }
  public String output() { return output; }
  public void setOutput(String output) { this.output = output; }
  public String finishReason() { return finishReason; }
  public void setFinishReason(String reason) { finishReason = reason; }
  public int documents() { return documents; }
  public void setDocuments(int documents) { this.documents = documents; }

  // Timing: durations and gaps first, absolute times once TraceLayout has run.
  public double workMedianMs() { return workMedianMs; }
  public double workSigma() { return workSigma; }
  /** Sets own time: a leaf's whole latency (tool, function), a parent's time after children. */
  public void setWork(double medianMs, double sigma) { workMedianMs = medianMs; workSigma = sigma; }
  public long gapBeforeMicros() { return gapBeforeMicros; }
  public void setGapBeforeMicros(long micros) { gapBeforeMicros = micros; }
  /** Own time of a parent after its last child ends (assembling the result, post-processing). */
  public long tailMicros() { return tailMicros; }
  public void setTailMicros(long micros) { tailMicros = micros; }
  /** Duration of a leaf; for a parent it is whatever its children and gaps add up to. */
  public long durationMicros() { return durationMicros; }
  public void setDurationMicros(long micros) { durationMicros = micros; }
  /** Time to first token of a streamed call, from the span start. */
  public long ttftMicros() { return ttftMicros; }
  public void setTtftMicros(long micros) { ttftMicros = micros; }
  public long startMicros() { return startMicros; }
  public long endMicros() { return endMicros; }
  void place(long start, long end) { startMicros = start; endMicros = end; }

  // Outcome.
  public boolean error() { return error; }
  public String errorType() { return errorType; }
  public String errorMessage() { return errorMessage; }
  /** Marks the span failed: rendered as status ERROR with an {@code exception} event. */
  public void fail(String type, String message) {
    error = true;
    errorType = type;
    errorMessage = message;
  }
  public boolean exported() { return exported; }
  /** Marks the span as never ended, so never exported (an exception escaped a decorator). */
  public void dropFromExport() { exported = false; }

  @Override
  public String toString() {
    return kind + " " + entityName + " " + spanIdHex();
  }
}
