package io.llmtraces.demo;

import java.util.List;

/** The catalogue of models the demo applications call; speeds are rough public figures. */
public final class Models {
  public static final ModelSpec GPT_4O =
      new ModelSpec("gpt-4o", "gpt-4o-2024-08-06", "openai", false, 450, 0.45, 11, 60, false);
  public static final ModelSpec GPT_4O_MINI =
      new ModelSpec(
          "gpt-4o-mini", "gpt-4o-mini-2024-07-18", "openai", false, 330, 0.40, 7, 35, false);
  public static final ModelSpec O4_MINI =
      new ModelSpec("o4-mini", "o4-mini-2025-04-16", "openai", false, 2200, 0.60, 6, 40, true);
  public static final ModelSpec CLAUDE_SONNET_4 =
      new ModelSpec(
          "claude-sonnet-4",
          "claude-sonnet-4-20250514",
          "anthropic",
          false,
          900,
          0.45,
          17,
          70,
          false);
  public static final ModelSpec CLAUDE_HAIKU =
      new ModelSpec(
          "claude-haiku", "claude-3-5-haiku-20241022", "anthropic", false, 520, 0.40, 8, 30, false);
  // A local vLLM server: quick first token on an idle GPU, slow decode, wide spread under load.
  public static final ModelSpec LLAMA_3_1_70B =
      new ModelSpec(
          "llama-3.1-70b-instruct",
          "meta-llama/Llama-3.1-70B-Instruct",
          "vllm",
          false,
          260,
          0.70,
          24,
          90,
          false);
  public static final ModelSpec TEXT_EMBEDDING_3_SMALL =
      new ModelSpec(
          "text-embedding-3-small",
          "text-embedding-3-small",
          "openai",
          true,
          110,
          0.35,
          0,
          8,
          false);

  private static final List<ModelSpec> ALL =
      List.of(
          GPT_4O,
          GPT_4O_MINI,
          O4_MINI,
          CLAUDE_SONNET_4,
          CLAUDE_HAIKU,
          LLAMA_3_1_70B,
          TEXT_EMBEDDING_3_SMALL);

  private Models() {}

  /** Every model in the catalogue. */
  public static List<ModelSpec> all() {
    return ALL;
  }
}
