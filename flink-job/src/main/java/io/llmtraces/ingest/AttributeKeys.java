package io.llmtraces.ingest;

import java.util.HashSet;
import java.util.Set;

/**
 * The source attributes of each canonical field, in priority order (first present wins), from
 * the OTel GenAI conventions (old and new names), Traceloop/iftracer, OpenInference and
 * InsightFinder. See the shared reference llm-span-attributes.md.
 */
final class AttributeKeys {
  private AttributeKeys() {}

  static final String[] REQUEST_MODEL = {
    "gen_ai.request.model", "llm.request.model_name", "llm.model_name",
    "insightfinder.entity.llm_model_name"
  };
  static final String[] RESPONSE_MODEL = {
    "gen_ai.response.model", "llm.response.model_name", "llm.response.model"
  };
  static final String[] EMBEDDING_MODEL = {
    "insightfinder.entity.embedding_model_name", "embedding.model_name"
  };
  static final String[] PROVIDER = {
    "gen_ai.provider.name", "gen_ai.system", "llm.provider", "llm.system"
  };

  static final String[] INPUT_TOKENS = {
    "gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens", "llm.usage.prompt_tokens",
    "llm.token_count.prompt", "insightfinder.entity.prompt_token"
  };
  static final String[] OUTPUT_TOKENS = {
    "gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens", "llm.token_count.completion",
    "insightfinder.entity.completion_token", "insightfinder.entity.eval_token"
  };
  static final String[] TOTAL_TOKENS = {
    "gen_ai.usage.total_tokens", "llm.usage.total_tokens", "llm.token_count.total",
    "insightfinder.entity.total_token"
  };
  static final String[] CACHE_READ_TOKENS = {
    "gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens",
    "llm.token_count.prompt_details.cache_read"
  };
  static final String[] REASONING_TOKENS = {
    "gen_ai.usage.reasoning.output_tokens", "gen_ai.usage.reasoning_tokens",
    "llm.usage.reasoning_tokens", "llm.token_count.completion_details.reasoning"
  };

  static final String[] SPAN_KIND = {
    "iftracer.span.kind", "traceloop.span.kind", "openinference.span.kind",
    "gen_ai.operation.name", "llm.request.type"
  };
  static final String[] ENTITY_NAME = {
    "iftracer.entity.name", "traceloop.entity.name", "gen_ai.agent.name", "gen_ai.tool.name"
  };
  static final String[] WORKFLOW_NAME = {"iftracer.workflow.name", "traceloop.workflow.name"};

  /** enduser.id is the deprecated OTel name, kept as the last resort. */
  static final String[] SESSION_ID = {
    "session.id", "gen_ai.conversation.id", "iftracer.association.properties.session_id",
    "traceloop.association.properties.session_id"
  };
  static final String[] USER_ID = {
    "user.id", "iftracer.association.properties.user_id",
    "traceloop.association.properties.user_id", "enduser.id"
  };

  static final String ERROR_TYPE = "error.type";
  static final String ERROR_MESSAGES = "insightfinder.entity.error_messages";

  static final String[] STREAMING = {"gen_ai.request.stream", "llm.is_streaming", "gen_ai.is_streaming"};
  static final String TIME_TO_FIRST_CHUNK = "gen_ai.response.time_to_first_chunk";

  static final String FINISH_REASONS = "gen_ai.response.finish_reasons";
  static final String OI_FINISH_REASON = "llm.response.finish_reason";

  // Prompt and completion content, one array per source where a source is one attribute (or a
  // pair read together), in priority order; indexed families are the prefixes below.
  static final String SYSTEM_INSTRUCTIONS = "gen_ai.system_instructions";
  static final String INPUT_MESSAGES = "gen_ai.input.messages";
  static final String OUTPUT_MESSAGES = "gen_ai.output.messages";
  static final String INPUT_VALUE = "input.value";
  static final String OUTPUT_VALUE = "output.value";
  static final String INPUT_MIME_TYPE = "input.mime_type";
  static final String OUTPUT_MIME_TYPE = "output.mime_type";
  static final String[] ENTITY_INPUT = {"iftracer.entity.input", "traceloop.entity.input"};
  static final String[] ENTITY_OUTPUT = {"iftracer.entity.output", "traceloop.entity.output"};

  static final String GEN_AI_PROMPT_PREFIX = "gen_ai.prompt.";
  static final String GEN_AI_COMPLETION_PREFIX = "gen_ai.completion.";
  static final String OI_INPUT_PREFIX = "llm.input_messages.";
  static final String OI_OUTPUT_PREFIX = "llm.output_messages.";

  /** Content not measured (not in the canonical table) but too big for the attributes map. */
  private static final String[] UNMAPPED_CONTENT = {
    "gen_ai.prompt", "gen_ai.completion", "llm.prompts"
  };

  private static final Set<String> MAPPED = mappedKeys();

  /** True for span attributes already held by a canonical field (or content): not copied. */
  static boolean isMapped(String key) {
    return MAPPED.contains(key)
        || key.startsWith(GEN_AI_PROMPT_PREFIX)
        || key.startsWith(GEN_AI_COMPLETION_PREFIX)
        || key.startsWith(OI_INPUT_PREFIX)
        || key.startsWith(OI_OUTPUT_PREFIX)
        || key.startsWith("llm.prompts.");
  }

  private static Set<String> mappedKeys() {
    Set<String> keys = new HashSet<>();
    for (String[] group : new String[][] {
      REQUEST_MODEL, RESPONSE_MODEL, EMBEDDING_MODEL, PROVIDER, INPUT_TOKENS, OUTPUT_TOKENS,
      TOTAL_TOKENS, CACHE_READ_TOKENS, REASONING_TOKENS, SPAN_KIND, ENTITY_NAME, WORKFLOW_NAME,
      SESSION_ID, USER_ID, STREAMING, ENTITY_INPUT, ENTITY_OUTPUT, UNMAPPED_CONTENT
    }) {
      keys.addAll(Set.of(group));
    }
    // Kept although mapped: the kind folds these away ("chat" vs "text_completion") and an agent
    // or tool name is lost when an iftracer/traceloop entity name wins.
    keys.removeAll(Set.of(
        "gen_ai.operation.name", "llm.request.type", "gen_ai.agent.name", "gen_ai.tool.name"));
    keys.addAll(Set.of(
        ERROR_TYPE, ERROR_MESSAGES, TIME_TO_FIRST_CHUNK, FINISH_REASONS, OI_FINISH_REASON,
        SYSTEM_INSTRUCTIONS, INPUT_MESSAGES, OUTPUT_MESSAGES, INPUT_VALUE, OUTPUT_VALUE));
    return Set.copyOf(keys);
  }
}
