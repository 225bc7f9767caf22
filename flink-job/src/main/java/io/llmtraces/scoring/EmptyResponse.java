package io.llmtraces.scoring;

import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.model.SpanKind;

/**
 * Whether an LLM call had a prompt and returned nothing. Unknown (null) when the question does
 * not apply or cannot be answered: not an LLM call, content capture switched off (no prompt
 * recorded), or a failed call (that is an error, not an empty answer). Output tokens count as a
 * response: streamed calls often carry no usage, and calls with capture off carry no text.
 */
final class EmptyResponse {
  private EmptyResponse() {}

  static Boolean of(NormalizedSpan span) {
    if (span.kind() != SpanKind.LLM || !span.hasPrompt() || span.isError()) {
      return null;
    }
    boolean tokens = span.outputTokens() != null && span.outputTokens() > 0;
    return !span.hasResponse() && !tokens;
  }
}
