package io.llmtraces.demo;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.EnumMap;
import java.util.Map;

/**
 * Writes a placed span as an OTLP {@link Span}: ids, times, kind and status here, the attribute
 * convention of its service's instrumentation through a {@link FamilyWriter}.
 */
final class SpanRenderer {
  /** A rendered span with what the export batcher groups it by. */
  record Rendered(ServiceSpec service, String scope, long endMicros, Span span) {}

  private final Map<Family, FamilyWriter> writers = new EnumMap<>(Family.class);

  SpanRenderer() {
    writers.put(Family.IFTRACER, new DecoratorWriter("iftracer", true));
    writers.put(Family.TRACELOOP, new DecoratorWriter("traceloop", false));
    writers.put(Family.GENAI_LEGACY, new GenAiLegacyWriter());
    writers.put(Family.GENAI_SEMCONV, new GenAiSemconvWriter());
    writers.put(Family.OPENINFERENCE, new OpenInferenceWriter());
  }

  Rendered render(SpanPlan plan, TracePlan trace, ByteString traceId) {
    Family family = plan.service().familyFor(plan.kind());
    FamilyWriter writer = writers.get(family);
    Span.Builder span =
        Span.newBuilder()
            .setTraceId(traceId)
            .setSpanId(Ids.bytes(plan.spanId()))
            .setName(writer.name(plan))
            .setKind(kindOf(plan))
            .setStartTimeUnixNano(plan.startMicros() * 1000)
            .setEndTimeUnixNano(plan.endMicros() * 1000);
    if (plan.parent() != null) {
      span.setParentSpanId(Ids.bytes(plan.parent().spanId()));
    }
    writer.write(plan, trace, span);
    if (plan.error()) {
      span.setStatus(
          Status.newBuilder()
              .setCode(Status.StatusCode.STATUS_CODE_ERROR)
              .setMessage(plan.errorType() + ": " + plan.errorMessage()));
      // Every instrumentation records the exception the same way (Span.record_exception).
      span.addEvents(
          Span.Event.newBuilder()
              .setName("exception")
              .setTimeUnixNano(plan.endMicros() * 1000)
              .addAttributes(Attrs.kv("exception.type", plan.errorType()))
              .addAttributes(Attrs.kv("exception.message", plan.errorMessage()))
              .addAttributes(Attrs.kv("exception.stacktrace", stacktrace(plan))));
    } else if (family == Family.OPENINFERENCE) {
      // OpenInference marks success explicitly; the other instrumentations leave it unset.
      span.setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_OK));
    }
    return new Rendered(plan.service(), writer.scope(plan), plan.endMicros(), span.build());
  }

  private static Span.SpanKind kindOf(SpanPlan plan) {
    if (plan.isModelCall()) {
      return Span.SpanKind.SPAN_KIND_CLIENT;
    }
    if (plan.parent() == null || plan.parent().service() != plan.service()) {
      return Span.SpanKind.SPAN_KIND_SERVER;
    }
    return Span.SpanKind.SPAN_KIND_INTERNAL;
  }

  private static String stacktrace(SpanPlan plan) {
    return "Traceback (most recent call last):\n  File \"app/"
        + plan.service().name()
        + ".py\", line 88, in "
        + plan.entityName()
        + "\n"
        + plan.errorType()
        + ": "
        + plan.errorMessage();
  }
}
