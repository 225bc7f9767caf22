package io.llmtraces.demo;

import io.llmtraces.demo.TextPool.Topic;
import io.llmtraces.model.SpanKind;
import java.util.random.RandomGenerator;

/**
 * Adds the leaf calls workflows are made of (model calls, tools, retrieval, plain functions) with
 * plausible token counts and content, so the workflow shapes read as structure only.
 */
final class Calls {
  private final TextPool text;

  Calls(TextPool text) {
    this.text = text;
  }

  TextPool text() {
    return text;
  }

  /**
   * A chat call. Token counts are lognormal around the given medians; the completion text is about
   * as long as the output tokens.
   *
   * @param streamShare how often this call is streamed
   */
  SpanPlan chat(
      TracePlan plan,
      SpanPlan parent,
      ServiceSpec service,
      ModelSpec model,
      Topic topic,
      int inputMedian,
      int outputMedian,
      double streamShare,
      RandomGenerator rng) {
    SpanPlan span = plan.child(parent, SpanKind.LLM, service, "chat");
    int input = tokens(inputMedian, 0.35, 20, 120_000, rng);
    int output = tokens(outputMedian, 0.6, 1, 4_000, rng);
    span.setModel(model);
    span.setTokens(input, output);
    span.setSystemPrompt(TextPool.systemPrompt(topic));
    span.setInput(questionOf(plan, topic, rng));
    span.setOutput(text.answer(output, rng));
    span.setFinishReason("stop");
    // Long shared prefixes (system prompt, documents) are often served from the prompt cache.
    int cached =
        input > 1024 && rng.nextDouble() < 0.35
            ? (int) (input * (0.4 + 0.5 * rng.nextDouble()))
            : 0;
    int reasoning = model.reasoning() ? tokens(350, 0.8, 0, 20_000, rng) : 0;
    span.setDetailTokens(cached, reasoning);
    if (rng.nextDouble() < streamShare) {
      span.setStreaming(true);
      // Providers report usage on a stream only when asked (stream_options.include_usage).
      span.setUsageReported(rng.nextDouble() < 0.5);
    }
    return span;
  }

  /** A chat call whose answer asks for tools: a short structured output. */
  SpanPlan toolChoice(
      TracePlan plan,
      SpanPlan parent,
      ServiceSpec service,
      ModelSpec model,
      Topic topic,
      int inputMedian,
      RandomGenerator rng) {
    SpanPlan span = chat(plan, parent, service, model, topic, inputMedian, 60, 0, rng);
    span.setFinishReason("tool_calls");
    return span;
  }

  /** An embedding call over {@code inputMedian} tokens of text. */
  SpanPlan embedding(
      TracePlan plan,
      SpanPlan parent,
      ServiceSpec service,
      String entity,
      boolean alongsidePrevious,
      int inputMedian,
      Topic topic,
      RandomGenerator rng) {
    SpanPlan span = plan.child(parent, SpanKind.EMBEDDING, service, entity, alongsidePrevious);
    span.setModel(Models.TEXT_EMBEDDING_3_SMALL);
    span.setTokens(tokens(inputMedian, 0.4, 4, 8_000, rng), 0);
    span.setInput(questionOf(plan, topic, rng));
    return span;
  }

  /** A tool call with lognormal latency; its input is JSON arguments, its output a short text. */
  SpanPlan tool(
      TracePlan plan,
      SpanPlan parent,
      ServiceSpec service,
      String name,
      boolean alongsidePrevious,
      double medianMs,
      double sigma,
      Topic topic,
      RandomGenerator rng) {
    SpanPlan span = plan.child(parent, SpanKind.TOOL, service, name, alongsidePrevious);
    span.setWork(medianMs, sigma);
    span.setInput("{\"query\": \"" + text.question(topic, rng) + "\"}");
    span.setOutput(text.answer(tokens(80, 0.8, 1, 2_000, rng), rng));
    return span;
  }

  /** A vector search returning a handful of documents. */
  SpanPlan retrieval(
      TracePlan plan,
      SpanPlan parent,
      ServiceSpec service,
      String name,
      Topic topic,
      RandomGenerator rng) {
    SpanPlan span = plan.child(parent, SpanKind.RETRIEVER, service, name);
    span.setWork(45, 0.6);
    span.setInput(questionOf(plan, topic, rng));
    span.setDocuments(3 + rng.nextInt(6));
    span.setOutput(text.document(rng));
    return span;
  }

  /** A plain function (database read, parsing) that takes about {@code medianMs}. */
  SpanPlan function(
      TracePlan plan,
      SpanPlan parent,
      ServiceSpec service,
      String name,
      double medianMs,
      String input) {
    SpanPlan span = plan.child(parent, SpanKind.TASK, service, name);
    span.setWork(medianMs, 0.7);
    span.setInput(input);
    return span;
  }

  /** The trace's question, so one request's text flows through its spans; else a fresh one. */
  private String questionOf(TracePlan plan, Topic topic, RandomGenerator rng) {
    return plan.question() != null ? plan.question() : text.question(topic, rng);
  }

  /** A lognormal token count around {@code median}, clamped to [min, max]. */
  static int tokens(double median, double sigma, int min, int max, RandomGenerator rng) {
    double t = LatencyModel.lognormal(median, sigma, rng);
    return (int) Math.max(min, Math.min(max, Math.round(t)));
  }
}
