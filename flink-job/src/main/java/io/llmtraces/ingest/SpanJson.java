package io.llmtraces.ingest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.llmtraces.otlp.OtlpJson;
import io.llmtraces.otlp.OtlpJsonWriter;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Writes span_json, {@code {"resource":{..},"scope":{..},"span":{..}}} in OTLP/JSON form (hex
 * ids), as UTF-8 within the byte limit and always valid JSON.
 *
 * <p>A span that does not fit is written again in smaller forms: strings cut to the value limit
 * and lists to the attribute limit, then strings of 256 chars and 32 list items, then the span
 * alone without attributes, events or links. Any cut form carries {@code "truncated":true}.
 * Resource and scope are written at most once per request and form ({@link Fragments}) and
 * spliced in raw.
 */
final class SpanJson {
  private static final int SMALL_STRING_CHARS = 256;
  private static final byte[] TRUNCATED_ONLY = "{\"truncated\":true}".getBytes(StandardCharsets.UTF_8);

  private final int maxBytes;
  // span_json is written for every span: into a buffer kept per thread rather than a new one each
  // time, and as UTF-8 bytes rather than a string that would be encoded again (together a third
  // of the bytes the job allocated), by a generator kept with it (making one per span took a
  // tenth of writing span_json).
  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
  private final OtlpJsonWriter[] tiers;
  private final OtlpJsonWriter minimal = new OtlpJsonWriter(SMALL_STRING_CHARS, 0);

  SpanJson(NormalizerLimits limits) {
    this.maxBytes = limits.maxSpanJsonBytes();
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
    private final SerializableString[] json = new SerializableString[tiers.length];
    private final boolean[] written = new boolean[tiers.length];

    private Fragments(Function<OtlpJsonWriter, Body> body) {
      this.body = body;
    }

    /** Null when the part alone exceeds the limit in this form. */
    SerializableString get(int tier) {
      if (!written[tier]) {
        json[tier] = fragment(body.apply(tiers[tier]));
        written[tier] = true;
      }
      return json[tier];
    }
  }

  /**
   * The span's JSON as UTF-8: bytes {@code [0, length())} of the returned buffer, which belongs
   * to this thread and is valid until its next call.
   */
  BoundedOutput write(Span span, Fragments resourceJson, Fragments scopeJson) {
    Scratch out = scratch.get();
    for (int t = 0; t < tiers.length; t++) {
      SerializableString resource = resourceJson.get(t);
      SerializableString scope = scopeJson.get(t);
      if (resource == null || scope == null) {
        continue;
      }
      if (attempt(out, tiers[t], span, resource, scope, t > 0)) {
        return out.output;
      }
    }
    if (!attempt(out, minimal, span, null, null, true)) {
      // Unreachable with maxBytes >= 4096 (NormalizerLimits checks), kept so the row stays valid.
      out.output.replaceWith(TRUNCATED_ONLY);
    }
    return out.output;
  }

  /** The fallback for a span whose normalization failed: its JSON, or the least valid one. */
  BoundedOutput writeOrTruncated(Span span, Fragments resourceJson, Fragments scopeJson) {
    try {
      return write(span, resourceJson, scopeJson);
    } catch (RuntimeException again) {
      BoundedOutput out = scratch.get().output;
      out.replaceWith(TRUNCATED_ONLY);
      return out;
    }
  }

  private boolean attempt(Scratch out, OtlpJsonWriter w, Span span, SerializableString resource,
      SerializableString scope, boolean truncated) {
    out.output.reset(maxBytes);
    JsonGenerator g = out.generator();
    boolean written = false;
    try {
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
      g.flush();
      written = true;
      return true;
    } catch (IOException overflow) {
      return false;
    } finally {
      if (!written) {
        // Stopped inside a value: what the generator holds and where it thinks it is are
        // unknown, so the next span gets a new one.
        out.discardGenerator();
      }
    }
  }

  /**
   * A thread's output buffer and the generator that writes into it. The generator writes one
   * root value per span, with no separator between them, and is flushed after each; the output
   * is reset before each, so it holds one span's JSON.
   */
  private static final class Scratch {
    final BoundedOutput output = new BoundedOutput(8192);
    private JsonGenerator generator;

    JsonGenerator generator() {
      if (generator == null) {
        try {
          generator = OtlpJson.FACTORY.createGenerator(output, JsonEncoding.UTF8);
        } catch (IOException e) {
          throw new UncheckedIOException("a generator over memory cannot fail", e);
        }
        generator.setRootValueSeparator(null);
      }
      return generator;
    }

    void discardGenerator() {
      generator = null;
    }
  }

  @FunctionalInterface
  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private SerializableString fragment(Body body) {
    BoundedOutput out = new BoundedOutput(256);
    out.reset(maxBytes);
    try {
      JsonGenerator g = OtlpJson.FACTORY.createGenerator(out, JsonEncoding.UTF8);
      body.write(g);
      g.close();
      return new SerializedString(out.toString());
    } catch (IOException overflow) {
      return null;
    }
  }
}
