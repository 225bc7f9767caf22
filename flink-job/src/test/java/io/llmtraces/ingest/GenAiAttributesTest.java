package io.llmtraces.ingest;

import static io.llmtraces.ingest.Normalize.one;
import static io.llmtraces.ingest.Normalize.utf8;
import static io.llmtraces.otlp.Otlp.event;
import static io.llmtraces.otlp.Otlp.kv;
import static io.llmtraces.otlp.Otlp.kvArray;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.model.SpanKind;
import io.llmtraces.otlp.Otlp;
import org.junit.jupiter.api.Test;

/** OpenTelemetry GenAI semantic conventions, current and older attribute names. */
class GenAiAttributesTest {

  @Test
  void currentConventionNames() {
    NormalizedSpan s = one(Otlp.span("chat gpt-4o")
        .addAttributes(kv("gen_ai.operation.name", "chat"))
        .addAttributes(kv("gen_ai.provider.name", "openai"))
        .addAttributes(kv("gen_ai.request.model", "gpt-4o"))
        .addAttributes(kv("gen_ai.response.model", "gpt-4o-2024-08-06"))
        .addAttributes(kv("gen_ai.usage.input_tokens", 12L))
        .addAttributes(kv("gen_ai.usage.output_tokens", 5L))
        .addAttributes(kv("gen_ai.usage.cache_read.input_tokens", 3L))
        .addAttributes(kv("gen_ai.usage.reasoning.output_tokens", 2L))
        .addAttributes(kvArray("gen_ai.response.finish_reasons", "stop"))
        .addAttributes(kv("gen_ai.system_instructions", "[{\"type\":\"text\",\"content\":\"Be brief.\"}]"))
        .addAttributes(kv("gen_ai.input.messages",
            "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"h\u00e9llo\"}]}]"))
        .addAttributes(kv("gen_ai.output.messages",
            "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Hi!\"}],\"finish_reason\":\"stop\"}]"))
        .addAttributes(kv("gen_ai.conversation.id", "conv-1"))
        .addAttributes(kv("user.id", "u-1"))
        .addAttributes(kv("gen_ai.request.temperature", 0.2)));

    assertThat(s.kind()).isEqualTo(SpanKind.LLM);
    assertThat(s.model()).isEqualTo("gpt-4o");
    assertThat(s.responseModel()).isEqualTo("gpt-4o-2024-08-06");
    assertThat(s.provider()).isEqualTo("openai");
    assertThat(s.inputTokens()).isEqualTo(12L);
    assertThat(s.outputTokens()).isEqualTo(5L);
    assertThat(s.totalTokens()).isEqualTo(17L);
    assertThat(s.cacheReadTokens()).isEqualTo(3L);
    assertThat(s.reasoningTokens()).isEqualTo(2L);
    assertThat(s.finishReason()).isEqualTo("stop");
    assertThat(s.hasPrompt()).isTrue();
    assertThat(s.hasResponse()).isTrue();
    assertThat(s.tokenSizeBytes()).isEqualTo(utf8("Be brief.", "h\u00e9llo", "Hi!"));
    assertThat(s.sessionId()).isEqualTo("conv-1");
    assertThat(s.userId()).isEqualTo("u-1");
    assertThat(s.entityName()).isEqualTo("chat gpt-4o");
    assertThat(s.workflowName()).isNull();
    assertThat(s.embeddingModel()).isNull();
    assertThat(s.isStreaming()).isFalse();
    assertThat(s.ttftMs()).isNull();
    assertThat(s.attributes())
        .containsEntry("gen_ai.request.temperature", "0.2")
        .containsEntry("gen_ai.operation.name", "chat")
        .doesNotContainKeys("gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.request.model",
            "gen_ai.usage.input_tokens", "gen_ai.system_instructions");
  }

  @Test
  void olderConventionNamesWithIndexedPromptAndCompletion() {
    NormalizedSpan s = one(Otlp.span("anthropic.chat")
        .addAttributes(kv("gen_ai.system", "anthropic"))
        .addAttributes(kv("llm.request.type", "chat"))
        .addAttributes(kv("gen_ai.request.model", "claude-3-5-sonnet"))
        .addAttributes(kv("gen_ai.usage.prompt_tokens", "100"))
        .addAttributes(kv("gen_ai.usage.completion_tokens", 20.0))
        .addAttributes(kv("llm.usage.total_tokens", 121L))
        .addAttributes(kv("gen_ai.prompt.0.role", "system"))
        .addAttributes(kv("gen_ai.prompt.0.content", "You are a calculator."))
        .addAttributes(kv("gen_ai.prompt.1.role", "user"))
        .addAttributes(kv("gen_ai.prompt.1.content", "What is 2+2?"))
        .addAttributes(kv("gen_ai.completion.0.role", "assistant"))
        .addAttributes(kv("gen_ai.completion.0.content", "4"))
        .addAttributes(kv("gen_ai.completion.0.finish_reason", "end_turn")));

    assertThat(s.kind()).isEqualTo(SpanKind.LLM);
    assertThat(s.provider()).isEqualTo("anthropic");
    assertThat(s.inputTokens()).isEqualTo(100L);
    assertThat(s.outputTokens()).isEqualTo(20L);
    assertThat(s.totalTokens()).as("reported total wins over the sum").isEqualTo(121L);
    assertThat(s.tokenSizeBytes()).isEqualTo(utf8("You are a calculator.", "What is 2+2?", "4"));
    assertThat(s.finishReason()).isEqualTo("end_turn");
    assertThat(s.attributes()).doesNotContainKeys("gen_ai.prompt.0.content", "gen_ai.completion.0.finish_reason");
  }

  @Test
  void toolCallsCountAsAResponse() {
    NormalizedSpan s = one(Otlp.span("openai.chat")
        .addAttributes(kv("gen_ai.request.model", "gpt-4o"))
        .addAttributes(kv("gen_ai.prompt.0.content", "Weather in Paris?"))
        .addAttributes(kv("gen_ai.completion.0.finish_reason", "tool_calls"))
        .addAttributes(kv("gen_ai.completion.0.tool_calls.0.name", "get_weather"))
        .addAttributes(kv("gen_ai.completion.0.tool_calls.0.arguments", "{\"city\":\"Paris\"}")));

    assertThat(s.hasResponse()).isTrue();
    assertThat(s.tokenSizeBytes()).isEqualTo(utf8("Weather in Paris?", "get_weather", "Paris"));
    assertThat(s.finishReason()).isEqualTo("tool_calls");
  }

  @Test
  void messageEventsCarryPromptAndCompletion() {
    NormalizedSpan s = one(Otlp.span("chat")
        .addAttributes(kv("gen_ai.request.model", "gpt-4o"))
        .addEvents(event("gen_ai.system.message", Otlp.START, kv("content", "Be funny.")))
        .addEvents(event("gen_ai.user.message", Otlp.START, kv("content", "Tell me a joke")))
        .addEvents(event("gen_ai.choice", Otlp.START + 1,
            kv("index", 0L), kv("finish_reason", "stop"),
            kv("message", "{\"role\":\"assistant\",\"content\":\"No.\"}"))));

    assertThat(s.hasPrompt()).isTrue();
    assertThat(s.hasResponse()).isTrue();
    assertThat(s.tokenSizeBytes()).isEqualTo(utf8("Be funny.", "Tell me a joke", "No."));
    assertThat(s.finishReason()).isEqualTo("stop");
  }

  @Test
  void legacyContentEvents() {
    NormalizedSpan s = one(Otlp.span("chat")
        .addAttributes(kv("gen_ai.request.model", "gpt-4o"))
        .addEvents(event("gen_ai.content.prompt", Otlp.START, kv("gen_ai.prompt", "[{\"role\":\"user\",\"content\":\"Hi\"}]")))
        .addEvents(event("gen_ai.content.completion", Otlp.START, kv("gen_ai.completion", "[{\"role\":\"assistant\",\"content\":\"Yo\"}]"))));

    assertThat(s.hasPrompt()).isTrue();
    assertThat(s.hasResponse()).isTrue();
    assertThat(s.tokenSizeBytes()).isEqualTo(4);
  }

  @Test
  void operationNamesGiveTheKind() {
    assertThat(kindOf("embeddings")).isEqualTo(SpanKind.EMBEDDING);
    assertThat(kindOf("execute_tool")).isEqualTo(SpanKind.TOOL);
    assertThat(kindOf("invoke_agent")).isEqualTo(SpanKind.AGENT);
    assertThat(kindOf("create_agent")).isEqualTo(SpanKind.AGENT);
    assertThat(kindOf("text_completion")).isEqualTo(SpanKind.LLM);
    assertThat(kindOf("generate_content")).isEqualTo(SpanKind.LLM);
    assertThat(kindOf("retrieval")).isEqualTo(SpanKind.RETRIEVER);
    assertThat(kindOf("something_new")).isEqualTo(SpanKind.OTHER);
  }

  @Test
  void agentAndToolNamesAreEntityNames() {
    assertThat(one(Otlp.span("invoke_agent x").addAttributes(kv("gen_ai.agent.name", "Planner"))).entityName())
        .isEqualTo("Planner");
    NormalizedSpan tool = one(Otlp.span("execute_tool")
        .addAttributes(kv("gen_ai.operation.name", "execute_tool"))
        .addAttributes(kv("gen_ai.tool.name", "search")));
    assertThat(tool.entityName()).isEqualTo("search");
    assertThat(tool.attributes()).containsEntry("gen_ai.tool.name", "search");
  }

  private static SpanKind kindOf(String operation) {
    return one(Otlp.span("op").addAttributes(kv("gen_ai.operation.name", operation))).kind();
  }
}
