package io.llmtraces.demo;

import io.llmtraces.model.SpanKind;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.List;

/**
 * Spans in the OpenTelemetry GenAI semantic conventions: {@code chat <model>}, {@code execute_tool
 * <tool>}, {@code invoke_agent <agent>}, the new usage names {@code gen_ai.usage.input_tokens} /
 * {@code output_tokens} and structured message JSON.
 */
final class GenAiSemconvWriter implements FamilyWriter {

  @Override
  public String name(SpanPlan span) {
    return switch (span.kind()) {
      case LLM -> "chat " + span.model().name();
      case EMBEDDING -> "embeddings " + span.model().name();
      case TOOL -> "execute_tool " + span.entityName();
      case AGENT -> "invoke_agent " + span.entityName();
      default -> span.entityName();
    };
  }

  @Override
  public String scope(SpanPlan span) {
    if (!span.isModelCall()) {
      // Agent and tool spans come from the application's own tracer.
      return span.service().name();
    }
    String provider = span.model().provider();
    return "opentelemetry.instrumentation."
        + (provider.equals("anthropic") ? "anthropic" : "openai_v2");
  }

  @Override
  public void write(SpanPlan span, TracePlan trace, Span.Builder out) {
    boolean content = span.service().captureContent();
    if (span.error()) {
      Attrs.str(out, "error.type", span.errorType());
    }
    switch (span.kind()) {
      case LLM -> chat(span, trace, content, out);
      case EMBEDDING -> {
        Attrs.str(out, "gen_ai.operation.name", "embeddings");
        model(span, out);
        if (!span.error()) {
          Attrs.num(out, "gen_ai.usage.input_tokens", span.inputTokens());
        }
      }
      case TOOL -> {
        Attrs.str(out, "gen_ai.operation.name", "execute_tool");
        Attrs.str(out, "gen_ai.tool.name", span.entityName());
        Attrs.str(out, "gen_ai.tool.type", "function");
        Attrs.str(out, "gen_ai.tool.call.id", "call_" + span.spanIdHex());
        if (content) {
          Attrs.str(out, "gen_ai.tool.call.arguments", span.input());
          Attrs.str(out, "gen_ai.tool.call.result", span.output());
        }
      }
      case AGENT -> {
        Attrs.str(out, "gen_ai.operation.name", "invoke_agent");
        Attrs.str(out, "gen_ai.agent.name", span.entityName());
        Attrs.str(out, "gen_ai.conversation.id", trace.sessionId());
        if (span.parent() == null) {
          Attrs.str(out, "user.id", trace.userId());
        }
      }
      case RETRIEVER -> Attrs.str(out, "gen_ai.operation.name", "retrieval");
      default -> {}
    }
  }

  private static void chat(SpanPlan span, TracePlan trace, boolean content, Span.Builder out) {
    Attrs.str(out, "gen_ai.operation.name", "chat");
    model(span, out);
    Attrs.str(out, "gen_ai.conversation.id", trace.sessionId());
    Attrs.num(out, "gen_ai.request.max_tokens", 4096);
    if (content) {
      Attrs.str(
          out,
          "gen_ai.system_instructions",
          "[{\"type\": \"text\", \"content\": " + Attrs.json(span.systemPrompt()) + "}]");
      Attrs.str(
          out,
          "gen_ai.input.messages",
          "[{\"role\": \"user\", \"parts\": [{\"type\": \"text\", \"content\": "
              + Attrs.json(span.input())
              + "}]}]");
    }
    if (span.streaming()) {
      Attrs.bool(out, "gen_ai.request.stream", true);
    }
    if (span.error()) {
      return;
    }
    Attrs.str(out, "gen_ai.response.model", span.model().responseModel());
    Attrs.str(out, "gen_ai.response.id", "msg_" + span.spanIdHex());
    if (span.finishReason() != null) {
      Attrs.strArray(out, "gen_ai.response.finish_reasons", span.finishReason());
    }
    if (content && span.output() != null) {
      Attrs.str(out, "gen_ai.output.messages", outputMessages(span));
    }
    if (span.streaming()) {
      Attrs.dbl(out, "gen_ai.response.time_to_first_chunk", span.ttftMicros() / 1e6);
    }
    if (span.usageReported()) {
      Attrs.num(out, "gen_ai.usage.input_tokens", span.inputTokens());
      Attrs.num(out, "gen_ai.usage.output_tokens", span.outputTokens());
      if (span.cacheReadTokens() > 0) {
        Attrs.num(out, "gen_ai.usage.cache_read.input_tokens", span.cacheReadTokens());
      }
      if (span.reasoningTokens() > 0) {
        Attrs.num(out, "gen_ai.usage.reasoning.output_tokens", span.reasoningTokens());
      }
    }
  }

  private static void model(SpanPlan span, Span.Builder out) {
    Attrs.str(out, "gen_ai.provider.name", span.model().provider());
    Attrs.str(out, "gen_ai.request.model", span.model().name());
  }

  /** The assistant message; a turn that asks for tools lists the tool calls that follow it. */
  private static String outputMessages(SpanPlan span) {
    StringBuilder parts = new StringBuilder(span.output().length() + 64);
    if ("tool_calls".equals(span.finishReason())) {
      List<SpanPlan> siblings = span.parent().children();
      for (int i = siblings.indexOf(span) + 1; i < siblings.size(); i++) {
        SpanPlan tool = siblings.get(i);
        if (tool.kind() != SpanKind.TOOL) {
          break;
        }
        parts
            .append(parts.length() == 0 ? "" : ", ")
            .append("{\"type\": \"tool_call\", \"id\": \"call_")
            .append(tool.spanIdHex())
            .append("\", \"name\": ")
            .append(Attrs.json(tool.entityName()))
            .append(", \"arguments\": ")
            .append(tool.input())
            .append('}');
      }
    }
    if (parts.length() == 0) {
      parts
          .append("{\"type\": \"text\", \"content\": ")
          .append(Attrs.json(span.output()))
          .append('}');
    }
    return "[{\"role\": \"assistant\", \"parts\": ["
        + parts
        + "], \"finish_reason\": "
        + Attrs.json(String.valueOf(span.finishReason()))
        + "}]";
  }
}
