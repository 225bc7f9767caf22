package io.llmtraces.ingest;

import static io.llmtraces.ingest.Normalize.one;
import static io.llmtraces.ingest.Normalize.utf8;
import static io.llmtraces.otlp.Otlp.kv;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.model.SpanKind;
import io.llmtraces.otlp.Otlp;
import org.junit.jupiter.api.Test;

/** OpenInference (Arize Phoenix) spans. */
class OpenInferenceAttributesTest {

  @Test
  void llmSpanWithIndexedMessages() {
    NormalizedSpan s = one(Otlp.span("ChatOpenAI")
        .addAttributes(kv("openinference.span.kind", "LLM"))
        .addAttributes(kv("llm.model_name", "gpt-4o-mini"))
        .addAttributes(kv("llm.provider", "openai"))
        .addAttributes(kv("llm.system", "openai"))
        .addAttributes(kv("llm.token_count.prompt", 30L))
        .addAttributes(kv("llm.token_count.completion", 10L))
        .addAttributes(kv("llm.token_count.total", 40L))
        .addAttributes(kv("llm.token_count.prompt_details.cache_read", 5L))
        .addAttributes(kv("llm.token_count.completion_details.reasoning", 1L))
        .addAttributes(kv("llm.input_messages.0.message.role", "system"))
        .addAttributes(kv("llm.input_messages.0.message.content", "You are kind."))
        .addAttributes(kv("llm.input_messages.1.message.role", "user"))
        .addAttributes(kv("llm.input_messages.1.message.contents.0.message_content.type", "text"))
        .addAttributes(kv("llm.input_messages.1.message.contents.0.message_content.text", "Hi"))
        .addAttributes(kv("llm.output_messages.0.message.role", "assistant"))
        .addAttributes(kv("llm.output_messages.0.message.content", "Hello!"))
        .addAttributes(kv("input.value", "{\"messages\": [\"ignored: lower priority\"]}"))
        .addAttributes(kv("input.mime_type", "application/json"))
        .addAttributes(kv("llm.invocation_parameters", "{\"temperature\": 0}"))
        .addAttributes(kv("session.id", "sess"))
        .addAttributes(kv("user.id", "usr")));

    assertThat(s.kind()).isEqualTo(SpanKind.LLM);
    assertThat(s.model()).isEqualTo("gpt-4o-mini");
    assertThat(s.provider()).isEqualTo("openai");
    assertThat(s.inputTokens()).isEqualTo(30L);
    assertThat(s.outputTokens()).isEqualTo(10L);
    assertThat(s.totalTokens()).isEqualTo(40L);
    assertThat(s.cacheReadTokens()).isEqualTo(5L);
    assertThat(s.reasoningTokens()).isEqualTo(1L);
    assertThat(s.tokenSizeBytes()).isEqualTo(utf8("You are kind.", "Hi", "Hello!"));
    assertThat(s.hasPrompt()).isTrue();
    assertThat(s.hasResponse()).isTrue();
    assertThat(s.sessionId()).isEqualTo("sess");
    assertThat(s.userId()).isEqualTo("usr");
    assertThat(s.attributes())
        .containsEntry("input.mime_type", "application/json")
        .containsKey("llm.invocation_parameters")
        .doesNotContainKeys("input.value", "llm.input_messages.0.message.content", "llm.model_name");
  }

  @Test
  void chainSpansAreWorkflowAtTheRootAndTaskBelow() {
    NormalizedSpan root = one(Otlp.span("RunnableSequence")
        .clearParentSpanId()
        .addAttributes(kv("openinference.span.kind", "CHAIN"))
        .addAttributes(kv("input.value", "What is Flink?"))
        .addAttributes(kv("input.mime_type", "text/plain"))
        .addAttributes(kv("output.value", "A stream processor.")));
    assertThat(root.kind()).isEqualTo(SpanKind.WORKFLOW);
    assertThat(root.tokenSizeBytes()).isEqualTo(utf8("What is Flink?", "A stream processor."));
    assertThat(root.hasResponse()).isTrue();

    assertThat(one(Otlp.span("step").addAttributes(kv("openinference.span.kind", "CHAIN"))).kind())
        .isEqualTo(SpanKind.TASK);
  }

  @Test
  void otherOpenInferenceKinds() {
    assertThat(kindOf("RETRIEVER")).isEqualTo(SpanKind.RETRIEVER);
    assertThat(kindOf("RERANKER")).isEqualTo(SpanKind.RETRIEVER);
    assertThat(kindOf("TOOL")).isEqualTo(SpanKind.TOOL);
    assertThat(kindOf("AGENT")).isEqualTo(SpanKind.AGENT);
    assertThat(kindOf("GUARDRAIL")).isEqualTo(SpanKind.OTHER);
    assertThat(kindOf("EVALUATOR")).isEqualTo(SpanKind.OTHER);
    assertThat(kindOf("UNKNOWN")).isEqualTo(SpanKind.OTHER);

    NormalizedSpan emb = one(Otlp.span("embed")
        .addAttributes(kv("openinference.span.kind", "EMBEDDING"))
        .addAttributes(kv("embedding.model_name", "bge-small")));
    assertThat(emb.kind()).isEqualTo(SpanKind.EMBEDDING);
    assertThat(emb.embeddingModel()).isEqualTo("bge-small");
    assertThat(emb.isLlmCall()).isTrue();
  }

  @Test
  void outputToolCalls() {
    NormalizedSpan s = one(Otlp.span("llm")
        .addAttributes(kv("openinference.span.kind", "LLM"))
        .addAttributes(kv("llm.output_messages.0.message.tool_calls.0.tool_call.function.name", "lookup"))
        .addAttributes(kv("llm.output_messages.0.message.tool_calls.0.tool_call.function.arguments", "{\"id\": 7}"))
        .addAttributes(kv("llm.response.finish_reason", "tool_calls")));
    assertThat(s.hasResponse()).isTrue();
    assertThat(s.hasPrompt()).isFalse();
    assertThat(s.finishReason()).isEqualTo("tool_calls");
  }

  private static SpanKind kindOf(String kind) {
    return one(Otlp.span("x").addAttributes(kv("openinference.span.kind", kind))).kind();
  }
}
