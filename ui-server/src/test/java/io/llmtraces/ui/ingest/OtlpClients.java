package io.llmtraces.ui.ingest;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.exporter.otlp.internal.HttpExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Clients of the receiver in tests: the official OpenTelemetry Java SDK, and raw HTTP. */
final class OtlpClients {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private OtlpClients() {}

  /**
   * GenAI-attributed spans made by the SDK's tracer: per trace a workflow root and an LLM call
   * with OpenTelemetry GenAI attributes. The resource claims project "spoofed", which the
   * receiver must replace.
   */
  static List<SpanData> genAiTraces(int traces) {
    List<SpanData> out = new ArrayList<>();
    SpanExporter collect = new SpanExporter() {
      @Override
      public CompletableResultCode export(Collection<SpanData> spans) {
        out.addAll(spans);
        return CompletableResultCode.ofSuccess();
      }

      @Override
      public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
      }

      @Override
      public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
      }
    };
    Resource resource =
        Resource.getDefault()
            .merge(Resource.create(Attributes.of(
                AttributeKey.stringKey("service.name"), "chat-app", AttributeKey.stringKey("iftracer.project"), "spoofed")));
    try (SdkTracerProvider provider =
        SdkTracerProvider.builder().setResource(resource).addSpanProcessor(SimpleSpanProcessor.create(collect)).build()) {
      Tracer tracer = provider.get("opentelemetry.instrumentation.openai", "0.40.0");
      for (int i = 0; i < traces; i++) {
        Span root = tracer.spanBuilder("chat.workflow").setAttribute("traceloop.span.kind", "workflow").startSpan();
        try (Scope ignored = root.makeCurrent()) {
          tracer.spanBuilder("openai.chat")
              .setSpanKind(SpanKind.CLIENT)
              .setAttribute("gen_ai.operation.name", "chat")
              .setAttribute("gen_ai.provider.name", "openai")
              .setAttribute("gen_ai.request.model", "gpt-4o")
              .setAttribute("gen_ai.usage.input_tokens", 120L + i)
              .setAttribute("gen_ai.usage.output_tokens", 40L)
              .startSpan()
              .end();
        }
        root.end();
      }
    }
    return out;
  }

  /** The SDK's OTLP/HTTP exporter with the given headers; JSON through its internal JSON mode. */
  static OtlpHttpSpanExporter exporter(String endpoint, Map<String, String> headers, boolean json, boolean gzip) throws Exception {
    OtlpHttpSpanExporterBuilder b = OtlpHttpSpanExporter.builder().setEndpoint(endpoint).setCompression(gzip ? "gzip" : "none");
    headers.forEach(b::addHeader);
    if (json) {
      // The SDK's JSON mode is internal API (HttpExporterBuilder.exportAsJson), not on the public builder.
      Field delegate = OtlpHttpSpanExporterBuilder.class.getDeclaredField("delegate");
      delegate.setAccessible(true);
      ((HttpExporterBuilder) delegate.get(b)).exportAsJson();
    }
    return b.build();
  }

  static HttpResponse<byte[]> post(String url, String contentType, byte[] body, String... headers) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      r.header("Content-Type", contentType);
    }
    for (int i = 0; i < headers.length; i += 2) {
      r.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static HttpResponse<byte[]> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
