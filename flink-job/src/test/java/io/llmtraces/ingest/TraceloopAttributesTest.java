package io.llmtraces.ingest;

import static io.llmtraces.ingest.Normalize.one;
import static io.llmtraces.ingest.Normalize.utf8;
import static io.llmtraces.otlp.Otlp.kv;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.model.SpanKind;
import io.llmtraces.otlp.Otlp;
import org.junit.jupiter.api.Test;

/** Traceloop OpenLLMetry and iftracer decorator spans. */
class TraceloopAttributesTest {

  @Test
  void iftracerWorkflowWithArgsKwargsInputAndNullOutput() {
    NormalizedSpan s = one(Otlp.span("support_bot.workflow")
        .clearParentSpanId()
        .addAttributes(kv("iftracer.span.kind", "workflow"))
        .addAttributes(kv("iftracer.workflow.name", "support_bot"))
        .addAttributes(kv("iftracer.entity.name", "support_bot"))
        .addAttributes(kv("iftracer.entity.input",
            "{\"args\": [\"How do I reset my password?\"], \"kwargs\": {\"user\": \"bob\"}}"))
        .addAttributes(kv("iftracer.entity.output", "null"))
        .addAttributes(kv("iftracer.association.properties.session_id", "s-9"))
        .addAttributes(kv("iftracer.association.properties.tenant", "acme"))
        .addAttributes(kv("gen_ai.usage.input_tokens", 50L)));

    assertThat(s.kind()).isEqualTo(SpanKind.WORKFLOW);
    assertThat(s.isRoot()).isTrue();
    assertThat(s.parentSpanId()).isNull();
    assertThat(s.workflowName()).isEqualTo("support_bot");
    assertThat(s.entityName()).isEqualTo("support_bot");
    assertThat(s.hasPrompt()).isTrue();
    assertThat(s.hasResponse()).as("\"null\" output means the function returned nothing").isFalse();
    assertThat(s.tokenSizeBytes()).isEqualTo(utf8("How do I reset my password?", "bob"));
    assertThat(s.sessionId()).isEqualTo("s-9");
    assertThat(s.inputTokens()).as("copied counts are kept; the assembler sums LLM spans only").isEqualTo(50L);
    assertThat(s.model()).isNull();
    assertThat(s.attributes())
        .containsEntry("iftracer.association.properties.tenant", "acme")
        .doesNotContainKeys("iftracer.entity.input", "iftracer.entity.output", "iftracer.span.kind");
  }

  @Test
  void emptyArgsAndKwargsAreNoPrompt() {
    NormalizedSpan s = one(Otlp.span("tick.task")
        .addAttributes(kv("iftracer.span.kind", "task"))
        .addAttributes(kv("iftracer.entity.input", "{\"args\": [], \"kwargs\": {}}"))
        .addAttributes(kv("iftracer.entity.output", "\"done\"")));

    assertThat(s.kind()).isEqualTo(SpanKind.TASK);
    assertThat(s.hasPrompt()).isFalse();
    assertThat(s.hasResponse()).isTrue();
    assertThat(s.tokenSizeBytes()).isEqualTo(4);
  }

  @Test
  void traceloopTaskToolAndAgent() {
    NormalizedSpan task = one(Otlp.span("fetch_docs.task")
        .addAttributes(kv("traceloop.span.kind", "task"))
        .addAttributes(kv("traceloop.entity.name", "fetch_docs"))
        .addAttributes(kv("traceloop.workflow.name", "rag"))
        .addAttributes(kv("traceloop.entity.input", "{\"args\": [\"q\"], \"kwargs\": {}}"))
        .addAttributes(kv("traceloop.entity.output", "{\"docs\": 3}"))
        .addAttributes(kv("traceloop.association.properties.user_id", "u-9")));
    assertThat(task.kind()).isEqualTo(SpanKind.TASK);
    assertThat(task.entityName()).isEqualTo("fetch_docs");
    assertThat(task.workflowName()).isEqualTo("rag");
    assertThat(task.hasResponse()).isTrue();
    assertThat(task.userId()).isEqualTo("u-9");

    assertThat(one(Otlp.span("search.tool").addAttributes(kv("traceloop.span.kind", "tool"))).kind())
        .isEqualTo(SpanKind.TOOL);
    assertThat(one(Otlp.span("planner.agent").addAttributes(kv("traceloop.span.kind", "AGENT"))).kind())
        .isEqualTo(SpanKind.AGENT);
  }

  @Test
  void unknownSpanKindFallsThroughToTheModel() {
    NormalizedSpan s = one(Otlp.span("x")
        .addAttributes(kv("traceloop.span.kind", "unknown"))
        .addAttributes(kv("llm.request.type", "completion")));
    assertThat(s.kind()).isEqualTo(SpanKind.LLM);
  }

  @Test
  void insightfinderEntityAttributes() {
    NormalizedSpan s = one(Otlp.span("llm call")
        .addAttributes(kv("insightfinder.entity.llm_model_name", "llama-3-70b"))
        .addAttributes(kv("insightfinder.entity.prompt_token", "40"))
        .addAttributes(kv("insightfinder.entity.completion_token", 8L))
        .addAttributes(kv("insightfinder.entity.total_token", 48L)));
    assertThat(s.kind()).as("a model attribute alone means llm").isEqualTo(SpanKind.LLM);
    assertThat(s.model()).isEqualTo("llama-3-70b");
    assertThat(s.inputTokens()).isEqualTo(40L);
    assertThat(s.outputTokens()).isEqualTo(8L);
    assertThat(s.totalTokens()).isEqualTo(48L);

    NormalizedSpan eval = one(Otlp.span("eval").addAttributes(kv("insightfinder.entity.eval_token", 7L)));
    assertThat(eval.outputTokens()).isEqualTo(7L);
    assertThat(eval.totalTokens()).isNull();

    NormalizedSpan emb = one(Otlp.span("embed").addAttributes(kv("insightfinder.entity.embedding_model_name", "text-embedding-3-small")));
    assertThat(emb.kind()).isEqualTo(SpanKind.EMBEDDING);
    assertThat(emb.embeddingModel()).isEqualTo("text-embedding-3-small");
  }
}
