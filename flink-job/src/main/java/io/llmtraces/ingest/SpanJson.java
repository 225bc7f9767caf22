package io.llmtraces.ingest;

import com.fasterxml.jackson.core.JsonGenerator;
import io.llmtraces.otlp.OtlpJson;
import io.llmtraces.otlp.OtlpJsonWriter;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.util.function.Function;

/**
 * Writes span_json, {@code {"resource":{..},"scope":{..},"span":{..}}} in OTLP/JSON form (hex
 * ids), within the char limit and always valid JSON.
 *
 * <p>A span that does not fit is written again in smaller forms: strings cut to the value limit
 * and lists to the attribute limit, then strings of 256 chars and 32 list items, then the span
 * alone without attributes, events or links. Any cut form carries {@code "truncated":true}.
 * Resource and scope are written at most once per request and form ({@link Fragments}) and
 * spliced in raw.
 */
final class SpanJson {
  private static final int SMALL_STRING_CHARS = 256;

  private final int maxChars;
  // span_json is written for every span: into a char array kept per thread rather than a new one
  // each time (it was a fifth of the bytes the job allocated).
  private final ThreadLocal<char[]> scratch = ThreadLocal.withInitial(() -> new char[8192]);
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

  /** The resource's JSON in each form, each written on first use. */
  Fragments fragments(Resource resource) {
    return new Fragments(w -> g -> w.resource(g, resource));
  }

  Fragments fragments(InstrumentationScope scope) {
    return new Fragments(w -> g -> w.scope(g, scope));
  }

  /**
   * A resource's or scope's JSON per form, shared by the spans of one request. Most spans fit in
   * the full form, so the cut forms are only written when a span needs them. Not thread-safe:
   * it lives within one {@link SpanNormalizer#normalize} call.
   */
  final class Fragments {
    private final Function<OtlpJsonWriter, Body> body;
    private final String[] json = new String[tiers.length];
    private final boolean[] written = new boolean[tiers.length];

    private Fragments(Function<OtlpJsonWriter, Body> body) {
      this.body = body;
    }

    /** Null when the part alone exceeds the limit in this form. */
    String get(int tier) {
      if (!written[tier]) {
        json[tier] = fragment(body.apply(tiers[tier]));
        written[tier] = true;
      }
      return json[tier];
    }
  }

  String write(Span span, Fragments resourceJson, Fragments scopeJson) {
    for (int t = 0; t < tiers.length; t++) {
      String resource = resourceJson.get(t);
      String scope = scopeJson.get(t);
      if (resource == null || scope == null) {
        continue;
      }
      String json = attempt(tiers[t], span, resource, scope, t > 0);
      if (json != null) {
        return json;
      }
    }
    String json = attempt(minimal, span, null, null, true);
    // Unreachable with maxChars >= 4096 (NormalizerLimits checks), kept so the row stays valid.
    return json != null ? json : "{\"truncated\":true}";
  }

  private String attempt(OtlpJsonWriter w, Span span, String resource, String scope, boolean truncated) {
    BoundedWriter out = new BoundedWriter(maxChars, scratch.get());
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
    } finally {
      scratch.set(out.buffer()); // grown at most to the limit
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
