package io.llmtraces.ingest;

import static io.llmtraces.ingest.Normalize.one;
import static io.llmtraces.otlp.Otlp.START;
import static io.llmtraces.otlp.Otlp.event;
import static io.llmtraces.otlp.Otlp.kv;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.otlp.Otlp;
import io.opentelemetry.proto.trace.v1.Status;
import org.junit.jupiter.api.Test;

/** Error detection, streaming, and what "unknown" looks like. */
class ErrorsAndStreamingTest {

  @Test
  void errorStatusWithMessage() {
    NormalizedSpan s = one(Otlp.span("chat")
        .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("rate limited")));
    assertThat(s.statusCode()).isEqualTo("ERROR");
    assertThat(s.statusMessage()).isEqualTo("rate limited");
    assertThat(s.isError()).isTrue();
    assertThat(s.errorType()).isNull();
  }

  @Test
  void errorTypeAttributeOnUnsetStatus() {
    NormalizedSpan s = one(Otlp.span("chat").addAttributes(kv("error.type", "TimeoutError")));
    assertThat(s.statusCode()).isEqualTo("UNSET");
    assertThat(s.isError()).isTrue();
    assertThat(s.errorType()).isEqualTo("TimeoutError");
    assertThat(s.attributes()).doesNotContainKey("error.type");
  }

  @Test
  void exceptionEventGivesTypeAndMessage() {
    NormalizedSpan s = one(Otlp.span("chat")
        .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_OK))
        .addEvents(event("exception", START + 10,
            kv("exception.type", "ValueError"), kv("exception.message", "bad input"),
            kv("exception.stacktrace", "Traceback ..."))));
    assertThat(s.statusCode()).isEqualTo("OK");
    assertThat(s.isError()).isTrue();
    assertThat(s.errorType()).isEqualTo("ValueError");
    assertThat(s.statusMessage()).isEqualTo("bad input");
  }

  @Test
  void errorTypeAttributeBeatsExceptionType() {
    NormalizedSpan s = one(Otlp.span("chat")
        .addAttributes(kv("error.type", "openai.RateLimitError"))
        .addEvents(event("exception", START, kv("exception.type", "httpx.HTTPStatusError"))));
    assertThat(s.errorType()).isEqualTo("openai.RateLimitError");
  }

  @Test
  void insightfinderErrorMessages() {
    NormalizedSpan s = one(Otlp.span("x").addAttributes(kv("insightfinder.entity.error_messages", "[\"boom\"]")));
    assertThat(s.isError()).isTrue();
    assertThat(s.statusMessage()).isEqualTo("[\"boom\"]");
    assertThat(one(Otlp.span("x").addAttributes(kv("insightfinder.entity.error_messages", "[]"))).isError())
        .isFalse();
    assertThat(one(Otlp.span("x").addAttributes(Otlp.kvArray("insightfinder.entity.error_messages"))).isError())
        .isFalse();
  }

  @Test
  void plainSpanIsNoError() {
    NormalizedSpan s = one(Otlp.span("chat"));
    assertThat(s.isError()).isFalse();
    assertThat(s.statusCode()).isEqualTo("UNSET");
    assertThat(s.statusMessage()).isNull();
  }

  @Test
  void streamingWithoutUsageKeepsTokensUnknown() {
    NormalizedSpan s = one(Otlp.span("chat")
        .addAttributes(kv("gen_ai.request.model", "gpt-4o"))
        .addAttributes(kv("gen_ai.request.stream", true))
        .addAttributes(kv("gen_ai.prompt.0.content", "hi")));
    assertThat(s.isStreaming()).isTrue();
    assertThat(s.inputTokens()).isNull();
    assertThat(s.outputTokens()).isNull();
    assertThat(s.totalTokens()).isNull();
    assertThat(s.hasResponse()).as("an abandoned stream has no completion").isFalse();
    assertThat(s.ttftMs()).isNull();
  }

  @Test
  void tokensUnknownVersusZero() {
    NormalizedSpan unknown = one(Otlp.span("chat").addAttributes(kv("gen_ai.request.model", "m")));
    assertThat(unknown.inputTokens()).isNull();
    assertThat(unknown.cacheReadTokens()).isNull();
    assertThat(unknown.reasoningTokens()).isNull();

    NormalizedSpan zero = one(Otlp.span("chat")
        .addAttributes(kv("gen_ai.usage.input_tokens", 0L))
        .addAttributes(kv("gen_ai.usage.output_tokens", "0")));
    assertThat(zero.inputTokens()).isZero();
    assertThat(zero.outputTokens()).isZero();
    assertThat(zero.totalTokens()).isZero();

    NormalizedSpan half = one(Otlp.span("chat").addAttributes(kv("gen_ai.usage.input_tokens", 5L)));
    assertThat(half.totalTokens()).as("no sum when only one side is known").isNull();
  }

  @Test
  void timeToFirstChunkAttributeInSeconds() {
    NormalizedSpan s = one(Otlp.span("chat")
        .addAttributes(kv("gen_ai.response.time_to_first_chunk", 0.25))
        .addEvents(event("llm.content.completion.chunk", START + 900_000_000L)));
    assertThat(s.isStreaming()).isTrue();
    assertThat(s.ttftMs()).isEqualTo(250.0);
  }

  @Test
  void timeToFirstChunkFromTheEarliestChunkEvent() {
    NormalizedSpan s = one(Otlp.span("chat")
        .addAttributes(kv("llm.is_streaming", "true"))
        .addEvents(event("gen_ai.content.completion.chunk", START + 300_000_000L))
        .addEvents(event("gen_ai.content.completion.chunk", START + 200_000_000L)));
    assertThat(s.isStreaming()).isTrue();
    assertThat(s.ttftMs()).isEqualTo(200.0);
  }

  @Test
  void openInferenceFirstTokenEvent() {
    NormalizedSpan s = one(Otlp.span("ChatOpenAI")
        .addEvents(event("First Token Stream Event", START + 120_000_000L)));
    assertThat(s.isStreaming()).isTrue();
    assertThat(s.ttftMs()).isEqualTo(120.0);
  }

  @Test
  void streamFlagFalseAndNoEvidenceIsNotStreaming() {
    NormalizedSpan s = one(Otlp.span("chat").addAttributes(kv("gen_ai.is_streaming", false)));
    assertThat(s.isStreaming()).isFalse();
    NormalizedSpan badTtft = one(Otlp.span("chat").addAttributes(kv("gen_ai.response.time_to_first_chunk", -3.0)));
    assertThat(badTtft.ttftMs()).isNull();
  }

  @Test
  void contentCaptureOffLeavesNoPromptNoResponse() {
    NormalizedSpan s = one(Otlp.span("openai.chat")
        .addAttributes(kv("gen_ai.request.model", "gpt-4o"))
        .addAttributes(kv("gen_ai.usage.input_tokens", 10L))
        .addAttributes(kv("gen_ai.usage.output_tokens", 20L))
        .addAttributes(kv("gen_ai.prompt.0.role", "user"))
        .addAttributes(kv("gen_ai.completion.0.role", "assistant"))
        .addAttributes(kv("gen_ai.completion.0.finish_reason", "stop")));
    assertThat(s.hasPrompt()).isFalse();
    assertThat(s.hasResponse()).isFalse();
    assertThat(s.tokenSizeBytes()).isZero();
    assertThat(s.outputTokens()).isEqualTo(20L);
    assertThat(s.finishReason()).isEqualTo("stop");
  }

  @Test
  void blankContentIsNoContent() {
    NormalizedSpan s = one(Otlp.span("chat")
        .addAttributes(kv("gen_ai.prompt.0.content", "   "))
        .addAttributes(kv("gen_ai.input.messages", "[{\"role\":\"user\",\"content\":\"\"}]"))
        .addAttributes(kv("output.value", "")));
    assertThat(s.hasPrompt()).isFalse();
    assertThat(s.hasResponse()).isFalse();
  }
}
