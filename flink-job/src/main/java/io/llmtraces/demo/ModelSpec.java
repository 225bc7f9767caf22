package io.llmtraces.demo;

/**
 * A model the demo applications call, with the speed figures the latency model draws from.
 *
 * @param name the requested model name (what baselines are keyed on)
 * @param responseModel the dated name the provider answers with
 * @param provider the provider as {@code gen_ai.system} / {@code llm.provider} spell it
 * @param embedding true for embedding models (no output tokens)
 * @param ttftMedianMs median time to first token (or whole call for embeddings)
 * @param ttftSigma lognormal sigma of that time: how heavy its tail is
 * @param msPerOutputToken decode time per output token
 * @param msPerKiloInputTokens prefill time per 1,000 input tokens
 * @param reasoning true when the model spends hidden reasoning tokens
 */
public record ModelSpec(
    String name,
    String responseModel,
    String provider,
    boolean embedding,
    double ttftMedianMs,
    double ttftSigma,
    double msPerOutputToken,
    double msPerKiloInputTokens,
    boolean reasoning) {}
