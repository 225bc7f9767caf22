package io.llmtraces.ingest;

import static io.llmtraces.ingest.Normalize.one;
import static io.llmtraces.otlp.Otlp.START;
import static io.llmtraces.otlp.Otlp.kv;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.otlp.Otlp;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;

/** Values real SDKs and broken clients send: the normalizer bends, never breaks. */
class AbsurdInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void endBeforeStartIsZeroDuration() {
    NormalizedSpan s = one(Otlp.span("x").setEndTimeUnixNano(START - 5_000_000_000L));
    assertThat(s.durationMs()).isZero();
    assertThat(s.endMicros()).isEqualTo(s.startMicros()).isEqualTo(START / 1000);
  }

  @Test
  void missingTimesAndHugeDurations() {
    NormalizedSpan noStart = one(Otlp.span("x").setStartTimeUnixNano(0));
    assertThat(noStart.durationMs()).isZero();
    assertThat(noStart.startMicros()).isEqualTo((START + 1_500_000_000L) / 1000);

    NormalizedSpan noEnd = one(Otlp.span("x").setEndTimeUnixNano(0));
    assertThat(noEnd.durationMs()).isZero();

    NormalizedSpan month = one(Otlp.span("x").setEndTimeUnixNano(START + 30L * 24 * 3600 * 1_000_000_000L));
    assertThat(month.durationMs()).isEqualTo(7 * 24 * 3600 * 1000d);
    assertThat(month.endMicros() - month.startMicros()).isEqualTo(7L * 24 * 3600 * 1_000_000L);

    NormalizedSpan unsignedHuge = one(Otlp.span("x").setEndTimeUnixNano(-1L));
    assertThat(unsignedHuge.durationMs()).isZero();
  }

  @Test
  void exactDurationFromNanos() {
    NormalizedSpan s = one(Otlp.span("x").setEndTimeUnixNano(START + 1_234_567L));
    assertThat(s.durationMs()).isEqualTo(1.234567);
    assertThat(s.startMicros()).isEqualTo(1_700_000_000_000_000L);
  }

  @Test
  void tolerantTokenCounts() {
    assertThat(input(kv("gen_ai.usage.input_tokens", 5_000_000_000L))).isNull();
    assertThat(input(kv("gen_ai.usage.input_tokens", -5L))).isNull();
    assertThat(input(kv("gen_ai.usage.input_tokens", "abc"))).isNull();
    assertThat(input(kv("gen_ai.usage.input_tokens", "NaN"))).isNull();
    assertThat(input(kv("gen_ai.usage.input_tokens", Double.POSITIVE_INFINITY))).isNull();
    assertThat(input(kv("gen_ai.usage.input_tokens", true))).isNull();
    assertThat(input(kv("gen_ai.usage.input_tokens", " 12 "))).isEqualTo(12L);
    assertThat(input(kv("gen_ai.usage.input_tokens", "12.0"))).isEqualTo(12L);
    assertThat(input(kv("gen_ai.usage.input_tokens", "1e3"))).isEqualTo(1000L);
    assertThat(input(kv("gen_ai.usage.input_tokens", 7.6))).isEqualTo(8L);
    assertThat(input(kv("gen_ai.usage.input_tokens", 1_000_000_000L))).isEqualTo(1_000_000_000L);
  }

  @Test
  void absurdReportedTotalFallsBackToTheSum() {
    NormalizedSpan s = one(Otlp.span("x")
        .addAttributes(kv("gen_ai.usage.input_tokens", 3L))
        .addAttributes(kv("gen_ai.usage.output_tokens", 4L))
        .addAttributes(kv("gen_ai.usage.total_tokens", -1L)));
    assertThat(s.totalTokens()).isEqualTo(7L);
  }

  @Test
  void truncatedJsonContentNeverThrowsAndStillCounts() {
    NormalizedSpan s = one(Otlp.span("x")
        .addAttributes(kv("gen_ai.request.model", "m"))
        .addAttributes(kv("gen_ai.input.messages",
            "[{\"role\":\"user\",\"content\":\"hello\"},{\"role\":\"user\",\"content\":\"a long message cut of"))
        .addAttributes(kv("iftracer.entity.output", "{\"answer\": \"the answer is 4"))
        .addAttributes(kv("gen_ai.response.finish_reasons", "[\"stop\", \"len")));
    assertThat(s.hasPrompt()).isTrue();
    assertThat(s.hasResponse()).isTrue();
    assertThat(s.tokenSizeBytes()).isGreaterThan(Normalize.utf8("hello", "a long message cut of"));
    assertThat(s.finishReason()).isEqualTo("stop");
  }

  @Test
  void notQuiteJsonCountsAsText() {
    NormalizedSpan s = one(Otlp.span("x")
        .addAttributes(kv("gen_ai.prompt.0.content", "[INST] say hi [/INST]"))
        .addAttributes(kv("traceloop.entity.output", "{'python': 'repr'}")));
    assertThat(s.tokenSizeBytes()).isEqualTo(Normalize.utf8("[INST] say hi [/INST]", "{'python': 'repr'}"));
  }

  @Test
  void pathologicalNestingIsHarmless() {
    String deep = "[".repeat(200_000);
    NormalizedSpan s = one(Otlp.span("x")
        .addAttributes(kv("gen_ai.input.messages", deep))
        .addAttributes(kv("gen_ai.response.finish_reasons", deep)));
    assertThat(s.hasPrompt()).isTrue();
    assertThat(s.finishReason()).isNull();
  }

  @Test
  void tenThousandAttributes() throws Exception {
    Span.Builder span = Otlp.span("x").addAttributes(kv("gen_ai.request.model", "m"));
    for (int i = 0; i < 10_000; i++) {
      span.addAttributes(kv("custom.attr." + i, "value " + i));
    }
    NormalizedSpan s = one(span);
    assertThat(s.model()).isEqualTo("m");
    assertThat(s.attributes()).hasSize(128).containsEntry("custom.attr.0", "value 0");
    assertThat(s.spanJson().length()).isLessThanOrEqualTo(64 * 1024);
    JsonNode json = JSON.readTree(s.spanJson());
    assertThat(json.get("truncated").asBoolean()).isTrue();
    assertThat(json.get("span").get("traceId").asText()).isEqualTo(Otlp.TRACE_ID);
  }

  @Test
  void oneMegabyteStrings() throws Exception {
    String mb = "x".repeat(1 << 20);
    NormalizedSpan s = one(Otlp.span(mb)
        .addAttributes(kv("gen_ai.request.model", mb))
        .addAttributes(kv("gen_ai.prompt.0.content", mb))
        .addAttributes(kv("custom.blob", mb))
        .addAttributes(kv("gen_ai.request.temperature", 0.5)));
    assertThat(s.tokenSizeBytes()).isEqualTo(1 << 20);
    assertThat(s.name()).hasSize(1024).endsWith("\u2026");
    assertThat(s.entityName()).hasSize(1024);
    assertThat(s.model()).hasSize(1024);
    assertThat(s.attributes().get("custom.blob")).hasSize(1024);
    assertThat(s.spanJson().length()).isLessThanOrEqualTo(64 * 1024);
    JsonNode json = JSON.readTree(s.spanJson());
    assertThat(json.get("truncated").asBoolean()).isTrue();
    assertThat(json.get("span").get("attributes")).hasSize(4);
  }

  @Test
  void truncationNeverSplitsASurrogatePair() {
    String emoji = "\uD83D\uDE00";
    String value = "a".repeat(1022) + emoji + "tail";
    NormalizedSpan s = one(Otlp.span("x").addAttributes(kv("custom", value)));
    String kept = s.attributes().get("custom");
    assertThat(kept).hasSizeLessThanOrEqualTo(1024);
    assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 2))).isFalse();
  }

  @Test
  void emptyIdsAndNamesStillYieldARow() {
    NormalizedSpan s = one(Span.newBuilder());
    assertThat(s.traceId()).isEmpty();
    assertThat(s.spanId()).isEmpty();
    assertThat(s.parentSpanId()).isNull();
    assertThat(s.name()).isEmpty();
    assertThat(s.entityName()).isEmpty();
    assertThat(s.statusCode()).isEqualTo("UNSET");
    assertThat(s.spanJson()).isNotBlank();
  }

  @Test
  void allZeroParentIdMeansRoot() {
    NormalizedSpan s = one(Otlp.span("root").setParentSpanId(Otlp.id("0000000000000000")));
    assertThat(s.parentSpanId()).isNull();
    assertThat(s.isRoot()).isTrue();
  }

  private static Long input(io.opentelemetry.proto.common.v1.KeyValue kv) {
    return one(Otlp.span("x").addAttributes(kv)).inputTokens();
  }
}
