package io.llmtraces.ingest;

import com.fasterxml.jackson.core.JsonGenerator;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;

/**
 * Writes span_json, {@code {"resource":{..},"scope":{..},"span":{..}}} in OTLP/JSON form (hex
 * ids), within the char limit and always valid JSON.
 *
 * <p>A span that does not fit is written again in smaller forms: strings cut to the value limit
 * and lists to the attribute limit, then strings of 256 chars and 32 list items, then the span
 * alone without attributes, events or links. Any cut form carries {@code "truncated":true}.
 * Resource and scope are written once per request ({@link #fragments}) and spliced in raw.
 */
final class SpanJson {
  private static final int SMALL_STRING_CHARS = 256;

  private final int maxChars;
  private final OtlpJsonWriter[] tiers;
  private final OtlpJsonWriter minimal = new OtlpJsonWriter(SMALL_STRING_CHARS, 0);

  SpanJson(NormalizerLimits limits) {
    this.maxChars = limits.maxSpanJsonChars();
    this.tiers = new OtlpJsonWriter[] {
      OtlpJsonWriter.FULL,
      new OtlpJsonWriter(limits.maxValueChars(), Math.max(1, limits.maxAttributes())),
      new OtlpJsonWriter(SMALL_STRING_CHARS, 32)
    };
  }

  /** The resource's JSON in each form; null for a form in which it alone exceeds the limit. */
  String[] fragments(Resource resource) {
    String[] out = new String[tiers.length];
    for (int t = 0; t < tiers.length; t++) {
      OtlpJsonWriter w = tiers[t];
      out[t] = fragment(g -> w.resource(g, resource));
    }
    return out;
  }

  String[] fragments(InstrumentationScope scope) {
    String[] out = new String[tiers.length];
    for (int t = 0; t < tiers.length; t++) {
      OtlpJsonWriter w = tiers[t];
      out[t] = fragment(g -> w.scope(g, scope));
    }
    return out;
  }

  String write(Span span, String[] resourceJson, String[] scopeJson) {
    int estimate = span.getSerializedSize() * 2 + 256;
    for (int t = 0; t < tiers.length; t++) {
      if (resourceJson[t] == null || scopeJson[t] == null) {
        continue;
      }
      String json = attempt(tiers[t], span, resourceJson[t], scopeJson[t], t > 0,
          estimate + resourceJson[t].length() + scopeJson[t].length());
      if (json != null) {
        return json;
      }
    }
    String json = attempt(minimal, span, null, null, true, 1024);
    // Unreachable with maxChars >= 4096 (NormalizerLimits checks), kept so the row stays valid.
    return json != null ? json : "{\"truncated\":true}";
  }

  private String attempt(
      OtlpJsonWriter w, Span span, String resource, String scope, boolean truncated, int estimate) {
    BoundedWriter out = new BoundedWriter(maxChars, estimate);
    try {
      JsonGenerator g = OtlpJson.FACTORY.createGenerator(out);
      g.writeStartObject();
      if (truncated) {
        g.writeBooleanField("truncated", true);
      }
      if (resource != null) {
        g.writeFieldName("resource");
        g.writeRawValue(resource);
      }
      if (scope != null) {
        g.writeFieldName("scope");
        g.writeRawValue(scope);
      }
      g.writeFieldName("span");
      w.span(g, span);
      g.writeEndObject();
      g.close();
      return out.toString();
    } catch (IOException overflow) {
      return null;
    }
  }

  @FunctionalInterface
  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private String fragment(Body body) {
    BoundedWriter out = new BoundedWriter(maxChars, 256);
    try {
      JsonGenerator g = OtlpJson.FACTORY.createGenerator(out);
      body.write(g);
      g.close();
      return out.toString();
    } catch (IOException overflow) {
      return null;
    }
  }
}
