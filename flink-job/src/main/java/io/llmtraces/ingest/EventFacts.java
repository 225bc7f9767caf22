package io.llmtraces.ingest;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.List;

/**
 * What a span's events say, gathered in one pass: the first recorded exception, the first
 * streamed chunk, and prompt/completion text carried as GenAI message events.
 *
 * @param firstChunkNanos time of the earliest completion-chunk event, 0 when none
 */
record EventFacts(
    boolean hasException,
    String exceptionType,
    String exceptionMessage,
    long firstChunkNanos,
    long promptBytes,
    long completionBytes,
    String choiceFinishReason) {

  static final EventFacts NONE = new EventFacts(false, null, null, 0, 0, 0, null);

  static EventFacts of(Span span, int maxChars) {
    List<Span.Event> events = span.getEventsList();
    if (events.isEmpty()) {
      return NONE;
    }
    boolean hasException = false;
    String exceptionType = null;
    String exceptionMessage = null;
    long firstChunk = 0;
    long promptBytes = 0;
    long completionBytes = 0;
    String finishReason = null;
    for (int i = 0, n = events.size(); i < n; i++) {
      Span.Event e = events.get(i);
      switch (e.getName()) {
        case "exception" -> {
          if (!hasException) {
            hasException = true;
            exceptionType = value(e, "exception.type", maxChars);
            exceptionMessage = value(e, "exception.message", maxChars);
          }
        }
        case "llm.content.completion.chunk", "gen_ai.content.completion.chunk",
            "First Token Stream Event" -> {
          long t = e.getTimeUnixNano();
          if (t > 0 && (firstChunk == 0 || t < firstChunk)) {
            firstChunk = t;
          }
        }
        case "gen_ai.system.message", "gen_ai.user.message", "gen_ai.assistant.message",
            "gen_ai.tool.message", "gen_ai.content.prompt" -> promptBytes += contentBytes(e);
        case "gen_ai.choice", "gen_ai.content.completion" -> {
          completionBytes += contentBytes(e);
          if (finishReason == null) {
            finishReason = value(e, "finish_reason", maxChars);
          }
        }
        default -> {
          // other events carry nothing the canonical fields need
        }
      }
    }
    return new EventFacts(
        hasException, exceptionType, exceptionMessage, firstChunk, promptBytes, completionBytes,
        finishReason);
  }

  /** Text of the attributes GenAI message events put content in (event bodies flattened). */
  private static long contentBytes(Span.Event e) {
    long sum = 0;
    for (KeyValue kv : e.getAttributesList()) {
      switch (kv.getKey()) {
        case "content", "message", "message.content", "body", "gen_ai.event.content",
            "tool_calls", "gen_ai.prompt", "gen_ai.completion" ->
            sum += TextMeter.bytes(kv.getValue(), false);
        default -> {
          // role, index, finish_reason, gen_ai.system: not text
        }
      }
    }
    return sum;
  }

  private static String value(Span.Event e, String key, int maxChars) {
    for (KeyValue kv : e.getAttributesList()) {
      if (kv.getKey().equals(key)) {
        return AnyValues.text(kv.getValue(), maxChars);
      }
    }
    return null;
  }
}
