package io.llmtraces.ingest;

import static io.llmtraces.ingest.AttributeKeys.GEN_AI_COMPLETION_PREFIX;
import static io.llmtraces.ingest.AttributeKeys.GEN_AI_PROMPT_PREFIX;
import static io.llmtraces.ingest.AttributeKeys.OI_INPUT_PREFIX;
import static io.llmtraces.ingest.AttributeKeys.OI_OUTPUT_PREFIX;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.llmtraces.otlp.OtlpJson;
import io.llmtraces.otlp.Strings;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a span captured its prompt and its completion, how many UTF-8 bytes of text they hold,
 * and the finish reason.
 *
 * <p>Content sources are read in the canonical priority order; a blank source (or iftracer's
 * {@code "null"} output, or {@code []}) holds no text. The byte count of each side comes from
 * the first source that holds text, so a span carrying the same prompt twice (attributes and
 * events) is not counted double. With content capture off there is no text at all: both flags
 * are false and the size is 0.
 */
record ContentFacts(boolean hasPrompt, boolean hasResponse, long tokenSizeBytes, String finishReason) {

  static ContentFacts of(SpanAttributes a, List<KeyValue> attributes, EventFacts events, int maxChars) {
    long genAiPrompt = 0;
    long genAiCompletion = 0;
    long oiInput = 0;
    long oiOutput = 0;
    Set<String> indexedReasons = null;
    // One pass over the indexed families (gen_ai.prompt.N.content, llm.output_messages.N...).
    for (int i = 0, n = attributes.size(); i < n; i++) {
      KeyValue kv = attributes.get(i);
      String key = kv.getKey();
      if (key.startsWith(GEN_AI_PROMPT_PREFIX)) {
        genAiPrompt += isText(key) ? TextMeter.bytes(kv.getValue(), false) : 0;
      } else if (key.startsWith(GEN_AI_COMPLETION_PREFIX)) {
        if (isText(key)) {
          genAiCompletion += TextMeter.bytes(kv.getValue(), false);
        } else if (key.endsWith(".finish_reason")) {
          String reason = AnyValues.text(kv.getValue(), maxChars);
          if (reason != null) {
            indexedReasons = indexedReasons == null ? new LinkedHashSet<>() : indexedReasons;
            indexedReasons.add(reason.trim());
          }
        }
      } else if (key.startsWith(OI_INPUT_PREFIX)) {
        oiInput += isText(key) ? TextMeter.bytes(kv.getValue(), false) : 0;
      } else if (key.startsWith(OI_OUTPUT_PREFIX)) {
        oiOutput += isText(key) ? TextMeter.bytes(kv.getValue(), false) : 0;
      }
    }

    // Source by source, in priority order, and no further than the first that holds text: a
    // later source may be a large JSON document that would be parsed for nothing.
    long prompt = doc(a, AttributeKeys.SYSTEM_INSTRUCTIONS) + doc(a, AttributeKeys.INPUT_MESSAGES);
    prompt = prompt > 0 ? prompt : genAiPrompt;
    prompt = prompt > 0 ? prompt : oiInput;
    prompt = prompt > 0 ? prompt : value(a, AttributeKeys.INPUT_VALUE, AttributeKeys.INPUT_MIME_TYPE);
    prompt = prompt > 0 ? prompt : doc(a, AttributeKeys.ENTITY_INPUT[0]);
    prompt = prompt > 0 ? prompt : doc(a, AttributeKeys.ENTITY_INPUT[1]);
    prompt = prompt > 0 ? prompt : events.promptBytes();
    long completion = doc(a, AttributeKeys.OUTPUT_MESSAGES);
    completion = completion > 0 ? completion : genAiCompletion;
    completion = completion > 0 ? completion : oiOutput;
    completion = completion > 0 ? completion : value(a, AttributeKeys.OUTPUT_VALUE, AttributeKeys.OUTPUT_MIME_TYPE);
    completion = completion > 0 ? completion : doc(a, AttributeKeys.ENTITY_OUTPUT[0]);
    completion = completion > 0 ? completion : doc(a, AttributeKeys.ENTITY_OUTPUT[1]);
    completion = completion > 0 ? completion : events.completionBytes();

    String reason = reasons(a.get(AttributeKeys.FINISH_REASONS));
    if (reason == null && indexedReasons != null) {
      reason = String.join(",", indexedReasons);
    }
    if (reason == null) {
      reason = a.text(AttributeKeys.OI_FINISH_REASON);
    }
    if (reason == null) {
      reason = events.choiceFinishReason();
    }
    return new ContentFacts(
        prompt > 0,
        completion > 0,
        prompt + completion,
        Strings.truncate(Strings.nonBlank(reason), maxChars));
  }

  /** Keys of the indexed families that hold text: content, multimodal text, tool calls. */
  private static boolean isText(String key) {
    return key.endsWith(".content")
        || key.endsWith(".text")
        || key.endsWith(".arguments")
        || (key.endsWith(".name") && key.contains(".tool_calls."));
  }

  private static long doc(SpanAttributes a, String key) {
    AnyValue v = a.get(key);
    return v == null ? 0 : TextMeter.bytes(v, true);
  }

  /** OpenInference input.value/output.value: JSON when its mime type says so, else sniffed. */
  private static long value(SpanAttributes a, String key, String mimeKey) {
    AnyValue v = a.get(key);
    if (v == null) {
      return 0;
    }
    String mime = a.text(mimeKey);
    return TextMeter.bytes(v, mime != null && mime.contains("json"));
  }

  /** gen_ai.response.finish_reasons: a string array, or its JSON text, or a plain string. */
  private static String reasons(AnyValue v) {
    if (v == null) {
      return null;
    }
    if (v.hasArrayValue()) {
      StringBuilder sb = new StringBuilder();
      for (AnyValue item : v.getArrayValue().getValuesList()) {
        String s = AnyValues.text(item, 256);
        if (s != null) {
          sb.append(sb.length() == 0 ? "" : ",").append(s.trim());
        }
      }
      return sb.length() == 0 ? null : sb.toString();
    }
    String s = AnyValues.text(v, 4096);
    if (s == null || !s.trim().startsWith("[")) {
      return s == null ? null : s.trim();
    }
    StringBuilder sb = new StringBuilder();
    try (JsonParser p = OtlpJson.FACTORY.createParser(s)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.VALUE_STRING && !p.getText().isBlank()) {
          sb.append(sb.length() == 0 ? "" : ",").append(p.getText().trim());
        }
      }
    } catch (IOException cut) {
      // keep the reasons read before the cut
    }
    return sb.length() == 0 ? null : sb.toString();
  }
}
