package io.llmtraces.ingest;

/**
 * A span's token usage; null means not reported, which is not zero (streamed calls often report
 * nothing).
 */
record TokenCounts(Long input, Long output, Long total, Long cacheRead, Long reasoning) {
  /** Counts above this are garbage, not usage: no single call reads or writes a billion tokens. */
  static final long MAX_TOKENS = 1_000_000_000L;

  /**
   * Reads each count from its first source attribute holding a usable value (int, double or
   * numeric string in [0, 10^9]); an unusable value falls through to the next source. Total is
   * the reported total, else input + output when both are known.
   */
  static TokenCounts of(SpanAttributes a) {
    Long input = a.count(AttributeKeys.INPUT_TOKENS, MAX_TOKENS);
    Long output = a.count(AttributeKeys.OUTPUT_TOKENS, MAX_TOKENS);
    Long total = a.count(AttributeKeys.TOTAL_TOKENS, MAX_TOKENS);
    if (total == null && input != null && output != null) {
      total = input + output;
    }
    return new TokenCounts(
        input,
        output,
        total,
        a.count(AttributeKeys.CACHE_READ_TOKENS, MAX_TOKENS),
        a.count(AttributeKeys.REASONING_TOKENS, MAX_TOKENS));
  }
}
