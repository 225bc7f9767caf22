package io.llmtraces.demo;

import io.opentelemetry.proto.trace.v1.Span;

/**
 * Spans as OpenInference's LangChain instrumentation writes them: {@code openinference.span.kind},
 * {@code llm.model_name}, {@code llm.token_count.*}, flattened {@code llm.input_messages.N.*},
 * {@code input.value} / {@code output.value}, and {@code session.id} / {@code user.id} on every
 * span.
 */
final class OpenInferenceWriter implements FamilyWriter {
  static final String FIRST_TOKEN_EVENT = "First Token Stream Event";
  private static final String SCOPE = "openinference.instrumentation.langchain";

  @Override
  public String name(SpanPlan span) {
    return switch (span.kind()) {
      // LangChain names a model span after the client class; a local vLLM server is reached
      // through the OpenAI-compatible client.
      case LLM -> span.model().provider().equals("anthropic") ? "ChatAnthropic" : "ChatOpenAI";
      default -> span.entityName();
    };
  }

  @Override
  public String scope(SpanPlan span) {
    return SCOPE;
  }

  @Override
  public void write(SpanPlan span, TracePlan trace, Span.Builder out) {
    boolean content = span.service().captureContent();
    Attrs.str(out, "openinference.span.kind", spanKind(span));
    Attrs.str(out, "session.id", trace.sessionId());
    Attrs.str(out, "user.id", trace.userId());
    switch (span.kind()) {
      case LLM -> llm(span, content, out);
      case EMBEDDING -> {
        Attrs.str(out, "embedding.model_name", span.model().name());
        if (content) {
          Attrs.str(out, "embedding.embeddings.0.embedding.text", span.input());
        }
        if (!span.error()) {
          Attrs.num(out, "llm.token_count.prompt", span.inputTokens());
          Attrs.num(out, "llm.token_count.total", span.inputTokens());
        }
      }
      case RETRIEVER -> {
        if (content) {
          Attrs.str(out, "input.value", span.input());
        }
        if (!span.error()) {
          for (int i = 0; i < span.documents(); i++) {
            String doc = "retrieval.documents." + i + ".document.";
            Attrs.str(out, doc + "id", "doc-" + (span.spanId() >>> 40) + "-" + i);
            Attrs.dbl(out, doc + "score", 0.9 - 0.05 * i);
            if (content) {
              Attrs.str(out, doc + "content", span.output());
            }
          }
        }
      }
      case TOOL -> {
        Attrs.str(out, "tool.name", span.entityName());
        if (content) {
          Attrs.str(out, "tool.parameters", span.input());
          inputOutput(span, out);
        }
      }
      default -> {
        if (content) {
          inputOutput(span, out);
        }
      }
    }
  }

  private static void llm(SpanPlan span, boolean content, Span.Builder out) {
    Attrs.str(out, "llm.model_name", span.model().name());
    Attrs.str(out, "llm.provider", span.model().provider());
    Attrs.str(out, "llm.system", span.model().provider());
    Attrs.str(
        out,
        "llm.invocation_parameters",
        "{\"temperature\": 0.1, \"stream\": " + span.streaming() + "}");
    if (content) {
      Attrs.str(out, "llm.input_messages.0.message.role", "system");
      Attrs.str(out, "llm.input_messages.0.message.content", span.systemPrompt());
      Attrs.str(out, "llm.input_messages.1.message.role", "user");
      Attrs.str(out, "llm.input_messages.1.message.content", span.input());
      Attrs.str(out, "input.value", span.input());
    }
    if (span.error()) {
      return;
    }
    if (content && span.output() != null) {
      Attrs.str(out, "llm.output_messages.0.message.role", "assistant");
      Attrs.str(out, "llm.output_messages.0.message.content", span.output());
      Attrs.str(out, "output.value", span.output());
    }
    Attrs.str(out, "llm.response.finish_reason", span.finishReason());
    if (span.usageReported()) {
      Attrs.num(out, "llm.token_count.prompt", span.inputTokens());
      Attrs.num(out, "llm.token_count.completion", span.outputTokens());
      Attrs.num(out, "llm.token_count.total", span.inputTokens() + span.outputTokens());
      if (span.cacheReadTokens() > 0) {
        Attrs.num(out, "llm.token_count.prompt_details.cache_read", span.cacheReadTokens());
      }
    }
    if (span.streaming()) {
      out.addEvents(
          Span.Event.newBuilder()
              .setName(FIRST_TOKEN_EVENT)
              .setTimeUnixNano((span.startMicros() + span.ttftMicros()) * 1000));
    }
  }

  private static void inputOutput(SpanPlan span, Span.Builder out) {
    Attrs.str(out, "input.value", span.input());
    if (!span.error()) {
      Attrs.str(out, "output.value", span.output());
    }
  }

  private static String spanKind(SpanPlan span) {
    return switch (span.kind()) {
      case LLM -> "LLM";
      case EMBEDDING -> "EMBEDDING";
      case RETRIEVER -> "RETRIEVER";
      case TOOL -> "TOOL";
      case AGENT -> "AGENT";
      default -> "CHAIN";
    };
  }
}
