package io.llmtraces.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.otlp.Otlp;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random attribute soup over every known key: no exception, every invariant of a row holds. */
class NormalizerFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] EVENT_NAMES = {
    "exception", "gen_ai.choice", "gen_ai.user.message", "llm.content.completion.chunk",
    "First Token Stream Event", "gen_ai.content.prompt", "other"
  };
  private static final String[] EVENT_KEYS = {
    "content", "message", "exception.type", "exception.message", "finish_reason", "body"
  };
  private static final String[] STRINGS = {
    "", " ", "123", "-5", "1e20", "NaN", "true", "null", "[]", "{\"a\":", "[", "{}", "\"q",
    "[{\"role\":\"user\",\"content\":\"hi\"}]", "chat", "CHAIN", "workflow", "\uD800", "\u00e9\u4e2d",
    "{\"args\": [1], \"kwargs\": {\"x\": null}}", "9223372036854775808", "0x1p3"
  };

  @Test
  void randomSpansAlwaysNormalize() throws Exception {
    Random random = new Random(7);
    List<String> keys = knownKeys();
    SpanNormalizer normalizer = new SpanNormalizer();
    for (int round = 0; round < 400; round++) {
      Span.Builder span = Span.newBuilder()
          .setTraceId(bytes(random, random.nextBoolean() ? 16 : random.nextInt(20)))
          .setSpanId(bytes(random, random.nextBoolean() ? 8 : random.nextInt(10)))
          .setParentSpanId(bytes(random, random.nextInt(3) == 0 ? 0 : 8))
          .setName(string(random))
          .setStartTimeUnixNano(random.nextLong())
          .setEndTimeUnixNano(random.nextBoolean() ? random.nextLong() : Otlp.START)
          .setStatus(Status.newBuilder().setCodeValue(random.nextInt(5)).setMessage(string(random)));
      int attributes = random.nextInt(40);
      for (int i = 0; i < attributes; i++) {
        span.addAttributes(KeyValue.newBuilder()
            .setKey(keys.get(random.nextInt(keys.size())))
            .setValue(value(random, 3)));
      }
      int events = random.nextInt(4);
      for (int i = 0; i < events; i++) {
        Span.Event.Builder e = Span.Event.newBuilder()
            .setName(EVENT_NAMES[random.nextInt(EVENT_NAMES.length)])
            .setTimeUnixNano(Otlp.START + random.nextLong() % 10_000_000_000L);
        for (int j = 0; j < 3; j++) {
          e.addAttributes(KeyValue.newBuilder()
              .setKey(EVENT_KEYS[random.nextInt(EVENT_KEYS.length)]).setValue(value(random, 2)));
        }
        span.addEvents(e);
      }
      ExportTraceServiceRequest request = Otlp.request(
          Otlp.resource(KeyValue.newBuilder().setKey("service.name").setValue(value(random, 1)).build()),
          span.build());

      List<NormalizedSpan> out = new ArrayList<>();
      normalizer.normalize(request, out::add);

      assertThat(out).hasSize(1);
      check(out.get(0));
    }
  }

  private static void check(NormalizedSpan s) throws Exception {
    assertThat(s.attributes()).doesNotContainKey(SpanNormalizer.NORMALIZE_ERROR_KEY);
    assertThat(s.project()).isNotNull();
    assertThat(s.serviceName()).isNotNull();
    assertThat(s.name()).isNotNull().hasSizeLessThanOrEqualTo(1024);
    assertThat(s.kind()).isNotNull();
    assertThat(s.statusCode()).isIn("UNSET", "OK", "ERROR");
    assertThat(s.durationMs()).isBetween(0d, 7 * 24 * 3600 * 1000d);
    assertThat(s.endMicros()).isGreaterThanOrEqualTo(s.startMicros());
    for (Long tokens : new Long[] {s.inputTokens(), s.outputTokens(), s.cacheReadTokens(), s.reasoningTokens()}) {
      assertThat(tokens == null || (tokens >= 0 && tokens <= 1_000_000_000L)).isTrue();
    }
    assertThat(s.totalTokens() == null || s.totalTokens() >= 0).isTrue();
    assertThat(s.tokenSizeBytes()).isNotNegative();
    assertThat(s.ttftMs() == null || s.ttftMs() >= 0).isTrue();
    assertThat(s.attributes()).hasSizeLessThanOrEqualTo(128);
    for (Map.Entry<String, String> e : s.attributes().entrySet()) {
      assertThat(e.getValue()).isNotNull().hasSizeLessThanOrEqualTo(1024);
    }
    assertThat(s.spanJson()).hasSizeLessThanOrEqualTo(64 * 1024);
    JSON.readTree(s.spanJson());
  }

  private static AnyValue value(Random random, int depth) {
    int type = random.nextInt(depth > 0 ? 9 : 7);
    AnyValue.Builder v = AnyValue.newBuilder();
    switch (type) {
      case 0, 1 -> v.setStringValue(string(random));
      case 2 -> v.setIntValue(random.nextBoolean() ? random.nextInt(2000) - 100 : random.nextLong());
      case 3 -> v.setDoubleValue(new double[] {Double.NaN, Double.NEGATIVE_INFINITY, -0.0, 1e300, 0.25, 12.0}[random.nextInt(6)]);
      case 4 -> v.setBoolValue(random.nextBoolean());
      case 5 -> v.setBytesValue(bytes(random, random.nextInt(5)));
      case 6 -> { } // empty value
      case 7 -> {
        ArrayValue.Builder a = ArrayValue.newBuilder();
        for (int i = random.nextInt(4); i > 0; i--) {
          a.addValues(value(random, depth - 1));
        }
        v.setArrayValue(a);
      }
      default -> {
        KeyValueList.Builder kvs = KeyValueList.newBuilder();
        for (int i = random.nextInt(4); i > 0; i--) {
          kvs.addValues(KeyValue.newBuilder().setKey(string(random)).setValue(value(random, depth - 1)));
        }
        v.setKvlistValue(kvs);
      }
    }
    return v.build();
  }

  private static String string(Random random) {
    return random.nextInt(20) == 0 ? "w".repeat(random.nextInt(5000)) : STRINGS[random.nextInt(STRINGS.length)];
  }

  private static ByteString bytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return ByteString.copyFrom(b);
  }

  private static List<String> knownKeys() throws IllegalAccessException {
    List<String> keys = new ArrayList<>(List.of(
        "gen_ai.prompt.0.content", "gen_ai.completion.0.content", "gen_ai.completion.0.finish_reason",
        "gen_ai.completion.1.tool_calls.0.name", "llm.input_messages.0.message.content",
        "llm.output_messages.0.message.content", "custom.key", "input.mime_type"));
    for (var field : AttributeKeys.class.getDeclaredFields()) {
      field.setAccessible(true);
      if (!java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
        continue;
      }
      Object value = field.get(null);
      if (value instanceof String s && !s.endsWith(".")) {
        keys.add(s);
      } else if (value instanceof String[] array) {
        keys.addAll(List.of(array));
      }
    }
    return keys;
  }
}
