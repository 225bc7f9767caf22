package io.llmtraces.demo;

import io.llmtraces.model.SpanKind;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * Model calls as OpenLLMetry 0.50 writes them: {@code openai.chat}, indexed {@code
 * gen_ai.prompt.N.*} / {@code gen_ai.completion.N.*}, and the old usage names {@code
 * gen_ai.usage.prompt_tokens} / {@code completion_tokens}.
 */
final class GenAiLegacyWriter implements FamilyWriter {
  static final String CHUNK_EVENT = "llm.content.completion.chunk";

  @Override
  public String name(SpanPlan span) {
    if (!span.isModelCall()) {
      return span.entityName();
    }
    return span.model().provider() + (span.kind() == SpanKind.EMBEDDING ? ".embeddings" : ".chat");
  }

  @Override
  public String scope(SpanPlan span) {
    String provider = span.isModelCall() ? span.model().provider() : "openai";
    return "opentelemetry.instrumentation." + provider + (provider.equals("openai") ? ".v1" : "");
  }

  @Override
  public void write(SpanPlan span, TracePlan trace, Span.Builder out) {
    if (!span.isModelCall()) {
      return;
    }
    ModelSpec model = span.model();
    // OpenLLMetry spells Anthropic with a capital: consumers must compare case-insensitively.
    Attrs.str(
        out,
        "gen_ai.system",
        model.provider().equals("anthropic") ? "Anthropic" : model.provider());
    Attrs.str(out, "llm.request.type", span.kind() == SpanKind.EMBEDDING ? "embedding" : "chat");
    Attrs.str(out, "gen_ai.request.model", model.name());
    if (!span.error()) {
      Attrs.str(out, "gen_ai.response.model", model.responseModel());
    }
    boolean content = span.service().captureContent();
    if (span.kind() == SpanKind.EMBEDDING) {
      if (content) {
        Attrs.str(out, "gen_ai.prompt.0.content", span.input());
      }
      if (!span.error()) {
        Attrs.num(out, "gen_ai.usage.prompt_tokens", span.inputTokens());
        Attrs.num(out, "llm.usage.total_tokens", span.inputTokens());
      }
      return;
    }
    Attrs.dbl(out, "gen_ai.request.temperature", 0.2);
    if (span.streaming()) {
      Attrs.bool(out, "llm.is_streaming", true);
    }
    if (content) {
      Attrs.str(out, "gen_ai.prompt.0.role", "system");
      Attrs.str(out, "gen_ai.prompt.0.content", span.systemPrompt());
      Attrs.str(out, "gen_ai.prompt.1.role", "user");
      Attrs.str(out, "gen_ai.prompt.1.content", span.input());
    }
    if (span.error()) {
      return;
    }
    if (content && span.output() != null) {
      Attrs.str(out, "gen_ai.completion.0.role", "assistant");
      Attrs.str(out, "gen_ai.completion.0.content", span.output());
    }
    Attrs.str(out, "gen_ai.completion.0.finish_reason", span.finishReason());
    if (span.usageReported()) {
      Attrs.num(out, "gen_ai.usage.prompt_tokens", span.inputTokens());
      Attrs.num(out, "gen_ai.usage.completion_tokens", span.outputTokens());
      Attrs.num(out, "llm.usage.total_tokens", span.inputTokens() + span.outputTokens());
      if (span.cacheReadTokens() > 0) {
        Attrs.num(out, "gen_ai.usage.cache_read_input_tokens", span.cacheReadTokens());
      }
      if (span.reasoningTokens() > 0) {
        Attrs.num(out, "gen_ai.usage.reasoning_tokens", span.reasoningTokens());
      }
    }
    if (span.streaming()) {
      out.addEvents(
          Span.Event.newBuilder()
              .setName(CHUNK_EVENT)
              .setTimeUnixNano((span.startMicros() + span.ttftMicros()) * 1000));
    }
  }
}
