package io.llmtraces.ingest;

import static io.llmtraces.ingest.Normalize.one;
import static io.llmtraces.ingest.Normalize.utf8;
import static io.llmtraces.otlp.Otlp.kv;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.model.SpanKind;
import io.llmtraces.otlp.Otlp;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import java.util.List;
import org.junit.jupiter.api.Test;

/** First source in priority order wins; families mix within a span and within a request. */
class PriorityAndMixTest {

  @Test
  void firstPresentSourceWins() {
    NormalizedSpan s = one(Otlp.span("x")
        .addAttributes(kv("llm.model_name", "C"))
        .addAttributes(kv("llm.request.model_name", "B"))
        .addAttributes(kv("gen_ai.request.model", "A"))
        .addAttributes(kv("gen_ai.system", "Y"))
        .addAttributes(kv("gen_ai.provider.name", "X"))
        .addAttributes(kv("llm.token_count.prompt", 3L))
        .addAttributes(kv("gen_ai.usage.prompt_tokens", 2L))
        .addAttributes(kv("gen_ai.usage.input_tokens", 1L))
        .addAttributes(kv("gen_ai.agent.name", "agent"))
        .addAttributes(kv("traceloop.entity.name", "entity"))
        .addAttributes(kv("session.id", "s1"))
        .addAttributes(kv("traceloop.association.properties.session_id", "s2")));
    assertThat(s.model()).isEqualTo("A");
    assertThat(s.provider()).isEqualTo("X");
    assertThat(s.inputTokens()).isEqualTo(1L);
    assertThat(s.entityName()).isEqualTo("entity");
    assertThat(s.sessionId()).isEqualTo("s1");
  }

  @Test
  void blankOrUnusableSourcesFallThrough() {
    NormalizedSpan s = one(Otlp.span("x")
        .addAttributes(kv("gen_ai.request.model", "  "))
        .addAttributes(kv("llm.request.model_name", "B"))
        .addAttributes(kv("gen_ai.usage.input_tokens", "n/a"))
        .addAttributes(kv("gen_ai.usage.prompt_tokens", -4L))
        .addAttributes(kv("llm.usage.prompt_tokens", 9L)));
    assertThat(s.model()).isEqualTo("B");
    assertThat(s.inputTokens()).isEqualTo(9L);
  }

  @Test
  void spanKindAttributeBeatsModelAttributes() {
    NormalizedSpan s = one(Otlp.span("answer.task")
        .addAttributes(kv("iftracer.span.kind", "task"))
        .addAttributes(kv("openinference.span.kind", "LLM"))
        .addAttributes(kv("gen_ai.request.model", "gpt-4o")));
    assertThat(s.kind()).isEqualTo(SpanKind.TASK);
    assertThat(s.isLlmCall()).isFalse();
  }

  @Test
  void promptBytesComeFromTheFirstSourceHoldingText() {
    NormalizedSpan s = one(Otlp.span("x")
        .addAttributes(kv("gen_ai.request.model", "m"))
        .addAttributes(kv("gen_ai.prompt.0.content", "same prompt twice"))
        .addAttributes(kv("gen_ai.input.messages", "[{\"role\":\"user\",\"content\":\"same prompt\"}]"))
        .addAttributes(kv("llm.input_messages.0.message.content", "same prompt thrice"))
        .addAttributes(kv("gen_ai.output.messages", "[]"))
        .addAttributes(kv("gen_ai.completion.0.content", "ok")));
    assertThat(s.tokenSizeBytes()).isEqualTo(utf8("same prompt", "ok"));
    assertThat(s.hasResponse()).as("an empty first source falls through").isTrue();
  }

  @Test
  void familiesMixWithinOneSpan() {
    NormalizedSpan s = one(Otlp.span("openai.chat")
        .addAttributes(kv("llm.request.type", "chat"))
        .addAttributes(kv("gen_ai.system", "openai"))
        .addAttributes(kv("llm.model_name", "gpt-4o"))
        .addAttributes(kv("gen_ai.response.model", "gpt-4o-2024-11-20"))
        .addAttributes(kv("llm.token_count.prompt", 11L))
        .addAttributes(kv("gen_ai.usage.output_tokens", 4L))
        .addAttributes(kv("traceloop.workflow.name", "triage"))
        .addAttributes(kv("traceloop.association.properties.user_id", "u"))
        .addAttributes(kv("gen_ai.prompt.0.content", "hi"))
        .addAttributes(kv("llm.output_messages.0.message.content", "hello")));
    assertThat(s.kind()).isEqualTo(SpanKind.LLM);
    assertThat(s.model()).isEqualTo("gpt-4o");
    assertThat(s.responseModel()).isEqualTo("gpt-4o-2024-11-20");
    assertThat(s.totalTokens()).isEqualTo(15L);
    assertThat(s.workflowName()).isEqualTo("triage");
    assertThat(s.userId()).isEqualTo("u");
    assertThat(s.tokenSizeBytes()).isEqualTo(utf8("hi", "hello"));
  }

  @Test
  void familiesMixWithinOneRequestAndOrderIsKept() {
    ExportTraceServiceRequest iftracer = Otlp.request(
        Otlp.resource(kv("service.name", "bot"), kv("iftracer.project", "proj-1"), kv("host.name", "h1")),
        Otlp.span("bot.workflow").clearParentSpanId().addAttributes(kv("iftracer.span.kind", "workflow")).build(),
        Otlp.span("openai.chat").addAttributes(kv("gen_ai.request.model", "gpt-4o")).build());
    ExportTraceServiceRequest phoenix = Otlp.request(
        Otlp.resource(kv("service.name", "rag")),
        Otlp.span("retrieve").addAttributes(kv("openinference.span.kind", "RETRIEVER")).build());
    ExportTraceServiceRequest request = iftracer.toBuilder()
        .addResourceSpans(phoenix.getResourceSpans(0))
        .addResourceSpans(ResourceSpans.newBuilder()
            .addScopeSpans(phoenix.getResourceSpans(0).getScopeSpans(0)))
        .build();

    List<NormalizedSpan> out = Normalize.all(request);

    assertThat(out).extracting(NormalizedSpan::kind)
        .containsExactly(SpanKind.WORKFLOW, SpanKind.LLM, SpanKind.RETRIEVER, SpanKind.RETRIEVER);
    assertThat(out).extracting(NormalizedSpan::project).containsExactly("proj-1", "proj-1", "rag", "unknown");
    assertThat(out).extracting(NormalizedSpan::serviceName)
        .containsExactly("bot", "bot", "rag", "unknown_service");
    assertThat(out.get(0).attributes())
        .containsEntry("resource.host.name", "h1")
        .doesNotContainKeys("resource.service.name", "resource.iftracer.project");
  }
}
