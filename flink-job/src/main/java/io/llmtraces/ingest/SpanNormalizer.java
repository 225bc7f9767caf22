package io.llmtraces.ingest;

import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.model.SpanKind;
import io.llmtraces.otlp.Hex;
import io.llmtraces.otlp.Strings;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the spans of an OTLP trace request into {@link NormalizedSpan}s, filling each canonical
 * field from whichever attribute family (OTel GenAI, Traceloop/iftracer, OpenInference) the SDK
 * used, first source in priority order wins (see {@link AttributeKeys}).
 *
 * <p>Never throws for span content: odd values are read tolerantly, bounded by
 * {@link NormalizerLimits}, and a span that still trips a bug comes out with its ids, name, times
 * and status and the attribute {@code llmtraces.normalize_error}. Field rules live in the
 * extractor types: {@link KindClassifier}, {@link TokenCounts}, {@link ContentFacts},
 * {@link StreamingFacts}, {@link ErrorFacts}, {@link SpanTimes}, {@link AttributeMap},
 * {@link SpanJson}. {@code workflowName} is only the span's own workflow attribute; falling back
 * to the root span's name is the trace assembler's job. Stateless and thread-safe.
 */
public final class SpanNormalizer {
  static final String NORMALIZE_ERROR_KEY = "llmtraces.normalize_error";

  private final NormalizerLimits limits;
  private final SpanJson spanJson;

  public SpanNormalizer() {
    this(NormalizerLimits.DEFAULTS);
  }

  public SpanNormalizer(NormalizerLimits limits) {
    this.limits = limits;
    this.spanJson = new SpanJson(limits);
  }

  /**
   * Receives each normalized span with its span_json apart, as UTF-8 bytes: for a consumer that
   * wants bytes (the job encodes them as they are), which would otherwise get a string only to
   * encode it again.
   */
  @FunctionalInterface
  public interface Utf8Receiver {
    /**
     * @param span the span, its {@code spanJson} null
     * @param spanJson the span's JSON: bytes {@code [0, length)}, valid only during this call
     */
    void accept(NormalizedSpan span, byte[] spanJson, int length);
  }

  /** Emits one normalized span per span of the request, in request order. */
  public void normalize(ExportTraceServiceRequest request, Consumer<NormalizedSpan> out) {
    normalize(
        request,
        (span, json, length) -> out.accept(span.withBody(span.attributes(), new String(json, 0, length, StandardCharsets.UTF_8))));
  }

  /** Emits one normalized span per span of the request, in request order, its span_json as bytes. */
  public void normalize(ExportTraceServiceRequest request, Utf8Receiver out) {
    for (ResourceSpans rs : request.getResourceSpansList()) {
      ResourceContext resource = ResourceContext.of(rs.getResource(), limits, spanJson);
      for (ScopeSpans ss : rs.getScopeSpansList()) {
        SpanJson.Fragments scopeJson = spanJson.fragments(ss.getScope());
        for (Span span : ss.getSpansList()) {
          NormalizedSpan normalized;
          BoundedOutput json;
          try {
            normalized = normalize(span, resource);
            json = spanJson.write(span, resource.json, scopeJson);
          } catch (RuntimeException bug) {
            normalized = fallback(span, resource, bug);
            json = spanJson.writeOrTruncated(span, resource.json, scopeJson);
          }
          out.accept(normalized, json.bytes(), json.length()); // outside the try: the consumer's own failures propagate
        }
      }
    }
  }

  /** The span without its span_json. */
  private NormalizedSpan normalize(Span span, ResourceContext resource) {
    int maxChars = limits.maxValueChars();
    // Some SDKs send an all-zero parent id for a root span instead of leaving it empty.
    boolean isRoot = Hex.isUnset(span.getParentSpanId());
    String parentSpanId = isRoot ? null : Hex.encode(span.getParentSpanId());
    SpanAttributes a = new SpanAttributes(span.getAttributesList(), maxChars);
    SpanTimes times = SpanTimes.of(span);
    EventFacts events = EventFacts.of(span, maxChars);
    ErrorFacts error = ErrorFacts.of(span, a, events, maxChars);
    TokenCounts tokens = TokenCounts.of(a);
    ContentFacts content = ContentFacts.of(a, span.getAttributesList(), events, maxChars);
    StreamingFacts streaming = StreamingFacts.of(a, events, times);
    String name = Strings.truncate(span.getName(), maxChars);
    String entityName = a.text(AttributeKeys.ENTITY_NAME);
    return new NormalizedSpan(
        resource.project,
        Hex.encode(span.getTraceId()),
        Hex.encode(span.getSpanId()),
        parentSpanId,
        name,
        KindClassifier.classify(a, isRoot),
        resource.service,
        a.text(AttributeKeys.WORKFLOW_NAME),
        entityName != null ? entityName : name,
        times.startMicros(),
        times.endMicros(),
        times.durationMs(),
        error.statusCode(),
        error.statusMessage(),
        error.isError(),
        error.errorType(),
        a.text(AttributeKeys.REQUEST_MODEL),
        a.text(AttributeKeys.RESPONSE_MODEL),
        a.text(AttributeKeys.EMBEDDING_MODEL),
        a.text(AttributeKeys.PROVIDER),
        tokens.input(),
        tokens.output(),
        tokens.total(),
        tokens.cacheRead(),
        tokens.reasoning(),
        content.tokenSizeBytes(),
        content.hasPrompt(),
        content.hasResponse(),
        content.finishReason(),
        streaming.isStreaming(),
        streaming.ttftMs(),
        a.text(AttributeKeys.SESSION_ID),
        a.text(AttributeKeys.USER_ID),
        AttributeMap.of(span.getAttributesList(), resource, limits),
        null);
  }

  /** The least that can be said of a span whose normalization failed; must not fail itself. */
  private NormalizedSpan fallback(Span span, ResourceContext resource, RuntimeException bug) {
    String parentSpanId = Hex.isUnset(span.getParentSpanId()) ? null : Hex.encode(span.getParentSpanId());
    SpanTimes times = SpanTimes.of(span);
    String name = Strings.truncate(span.getName(), limits.maxValueChars());
    boolean isError = span.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR;
    Map<String, String> attributes = new HashMap<>();
    attributes.put(NORMALIZE_ERROR_KEY, Strings.truncate(String.valueOf(bug), limits.maxValueChars()));
    return new NormalizedSpan(
        resource.project, Hex.encode(span.getTraceId()), Hex.encode(span.getSpanId()),
        parentSpanId, name, SpanKind.OTHER, resource.service,
        null, name, times.startMicros(), times.endMicros(), times.durationMs(),
        isError ? "ERROR" : "UNSET", null, isError, null, null, null, null, null,
        null, null, null, null, null, 0L, false, false, null, false, null, null, null,
        attributes, null);
  }
}
