package io.llmtraces.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AttributeFamiliesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static List<TraceView> traces;
  private static final Set<String> keys = new HashSet<>();

  @BeforeAll
  static void generate() {
    traces = TraceView.generate(21, 2_000);
    for (TraceView t : traces) {
      for (TraceView.SpanView s : t.spans) {
        keys.addAll(s.attrs().keySet());
      }
    }
  }

  @Test
  void everyFamilyAppears() {
    assertThat(keys)
        .contains(
            // iftracer and Traceloop decorators
            "iftracer.span.kind",
            "iftracer.entity.input",
            "iftracer.entity.output",
            "iftracer.workflow.name",
            "traceloop.span.kind",
            "traceloop.entity.name",
            // OpenLLMetry 0.50: old usage names, indexed prompts
            "gen_ai.system",
            "gen_ai.request.model",
            "gen_ai.usage.prompt_tokens",
            "gen_ai.usage.completion_tokens",
            "gen_ai.prompt.0.content",
            "gen_ai.completion.0.content",
            "llm.is_streaming",
            // OpenTelemetry GenAI semantic conventions
            "gen_ai.operation.name",
            "gen_ai.provider.name",
            "gen_ai.usage.input_tokens",
            "gen_ai.usage.output_tokens",
            "gen_ai.input.messages",
            "gen_ai.output.messages",
            "gen_ai.system_instructions",
            "gen_ai.response.finish_reasons",
            "gen_ai.response.time_to_first_chunk",
            "gen_ai.tool.name",
            "gen_ai.agent.name",
            // OpenInference
            "openinference.span.kind",
            "llm.model_name",
            "llm.token_count.prompt",
            "llm.token_count.completion",
            "llm.input_messages.0.message.content",
            "llm.output_messages.0.message.content",
            "embedding.model_name",
            "retrieval.documents.0.document.content",
            "session.id",
            "user.id");
  }

  @Test
  void someTracesMixThreeFamilies() {
    long mixed =
        traces.stream()
            .filter(
                t -> t.spans.stream().anyMatch(s -> s.attrs().containsKey("iftracer.span.kind")))
            .filter(
                t ->
                    t.spans.stream()
                        .anyMatch(s -> s.attrs().containsKey("gen_ai.usage.prompt_tokens")))
            .filter(
                t ->
                    t.spans.stream()
                        .anyMatch(s -> s.attrs().containsKey("openinference.span.kind")))
            .count();
    assertThat(mixed).isGreaterThan(traces.size() / 5);
  }

  @Test
  void decoratorSpansFollowTheSdkShapes() throws Exception {
    int checked = 0;
    for (TraceView t : traces) {
      for (TraceView.SpanView s : t.spans) {
        String kind = s.str("iftracer.span.kind");
        if (kind == null || s.str("iftracer.entity.input") == null) {
          continue;
        }
        assertThat(s.span().getName()).endsWith("." + kind);
        JsonNode input = JSON.readTree(s.str("iftracer.entity.input"));
        assertThat(input.get("args").isArray()).isTrue();
        assertThat(input.get("kwargs").isObject()).isTrue();
        JSON.readTree(s.str("iftracer.entity.output")); // valid JSON, "null" included
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(1_000);
  }

  @Test
  void messageAttributesAreValidJson() throws Exception {
    for (TraceView t : traces) {
      for (TraceView.SpanView s : t.spans) {
        for (String key :
            List.of(
                "gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.system_instructions")) {
          if (s.str(key) != null) {
            assertThat(JSON.readTree(s.str(key)).isArray()).isTrue();
          }
        }
      }
    }
  }

  @Test
  void projectsComeFromTheResourceOrTheServiceName() {
    Set<String> withAttribute = new HashSet<>();
    Set<String> byServiceName = new HashSet<>();
    for (TraceView t : traces) {
      for (TraceView.SpanView s : t.spans) {
        (s.resource().containsKey("iftracer.project") ? withAttribute : byServiceName)
            .add(s.resource().get("service.name"));
      }
    }
    assertThat(withAttribute)
        .contains("support-gateway", "support-rag", "docs-api", "docs-indexer");
    assertThat(byServiceName).containsExactly("research-agent");
    assertThat(traces.stream().map(t -> t.trace.project()).distinct())
        .containsExactlyInAnyOrderElementsOf(DemoTraffic.projectNames());
  }

  @Test
  void everyCatalogueModelIsCalled() {
    Set<String> models = new HashSet<>();
    for (TraceView t : traces) {
      for (TraceView.SpanView s : t.spans) {
        for (String key :
            List.of("gen_ai.request.model", "llm.model_name", "embedding.model_name")) {
          if (s.str(key) != null) {
            models.add(s.str(key));
          }
        }
      }
    }
    assertThat(models)
        .containsExactlyInAnyOrderElementsOf(Models.all().stream().map(ModelSpec::name).toList());
  }
}
