package io.llmtraces.trace;

import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.model.SpanKind;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * A normalized span as compact bytes, the form in which spans cross the job's {@code keyBy}s and
 * wait in keyed state for their trace to close.
 *
 * <p>Why: a span carries its attribute map and its OTLP/JSON (kilobytes). Flink's record serializer
 * writes them field by field and character by character, on every shuffle and again on every
 * checkpoint for as long as the span waits in heap state; as one byte array it is encoded once and
 * then copied in bulk, and it takes a fraction of the heap of the object graph.
 *
 * <p>Layout: a format version byte, then the fields in declaration order, in the encodings of
 * {@link BinaryWriter}, except the body (the attribute map and span_json, most of the bytes),
 * which comes last and LZ4-compressed: its length before and after, then the block. A span waits
 * in state for its trace's quiet gap and more; at the job's rates that is hundreds of thousands of
 * spans, and compressed they take a third of the heap (JSON compresses well, and LZ4 costs a few
 * microseconds a span). Who needs only the facts ({@link #decodeFacts}) never decompresses. The
 * version byte makes state written by another layout fail loudly on restore instead of being
 * misread: change the layout only with a new version and a reader for the old one.
 */
public final class SpanCodec {
  static final byte VERSION = 1;
  private static final SpanKind[] KINDS = SpanKind.values();
  // Thread-safe and stateless; the fastest available (native, else pure Java). The "safe"
  // decompressor is the one with a native implementation (lz4-java routes the "fast" one, which
  // trusts the output length, to pure Java since CVE-2025-12183).
  private static final LZ4Compressor COMPRESSOR = LZ4Factory.fastestInstance().fastCompressor();
  private static final LZ4SafeDecompressor DECOMPRESSOR = LZ4Factory.fastestInstance().safeDecompressor();

  // Every span is encoded once, into two buffers kept per thread (the facts with the compressed
  // body, and the body before compression) instead of new ones growing for each span.
  private static final ThreadLocal<BinaryWriter[]> SCRATCH =
      ThreadLocal.withInitial(() -> new BinaryWriter[] {new BinaryWriter(4096), new BinaryWriter(8192)});
  // And every span written is decompressed once, into a buffer kept per thread: its values are
  // copied out of it anyway.
  private static final ThreadLocal<BinaryWriter> BODY_SCRATCH = ThreadLocal.withInitial(() -> new BinaryWriter(8192));

  private SpanCodec() {}

  /** The span as bytes. */
  public static byte[] encode(NormalizedSpan s) {
    if (s.spanJson() == null) {
      return encode(s, null, 0);
    }
    byte[] json = s.spanJson().getBytes(StandardCharsets.UTF_8);
    return encode(s, json, json.length);
  }

  /**
   * The span as bytes, its span_json given apart as UTF-8 (as the normalizer writes it): bytes
   * {@code [0, length)} of {@code spanJson}, or null for none; the span's own is ignored.
   */
  public static byte[] encode(NormalizedSpan s, byte[] spanJson, int length) {
    BinaryWriter[] scratch = SCRATCH.get();
    BinaryWriter w = scratch[0];
    BinaryWriter body = scratch[1];
    w.reset();
    body.reset();
    w.b(VERSION);
    w.str(s.project());
    w.str(s.traceId());
    w.str(s.spanId());
    w.str(s.parentSpanId());
    w.str(s.name());
    w.b((byte) s.kind().ordinal());
    w.str(s.serviceName());
    w.str(s.workflowName());
    w.str(s.entityName());
    w.varLong(s.startMicros());
    w.varLong(s.endMicros());
    w.f64(s.durationMs());
    w.str(s.statusCode());
    w.str(s.statusMessage());
    w.bool(s.isError());
    w.str(s.errorType());
    w.str(s.model());
    w.str(s.responseModel());
    w.str(s.embeddingModel());
    w.str(s.provider());
    w.optLong(s.inputTokens());
    w.optLong(s.outputTokens());
    w.optLong(s.totalTokens());
    w.optLong(s.cacheReadTokens());
    w.optLong(s.reasoningTokens());
    w.varLong(s.tokenSizeBytes());
    w.bool(s.hasPrompt());
    w.bool(s.hasResponse());
    w.str(s.finishReason());
    w.bool(s.isStreaming());
    w.optDouble(s.ttftMs());
    w.str(s.sessionId());
    w.str(s.userId());
    Map<String, String> attributes = s.attributes();
    if (attributes == null) {
      body.varLong(-1);
    } else {
      body.varLong(attributes.size());
      for (Map.Entry<String, String> e : attributes.entrySet()) {
        body.str(e.getKey());
        body.str(e.getValue());
      }
    }
    if (spanJson == null) {
      body.str(null);
    } else {
      body.utf8(spanJson, length);
    }
    int rawLength = body.length();
    int maxLength = COMPRESSOR.maxCompressedLength(rawLength);
    w.varLong(rawLength);
    w.room(5 + maxLength);
    int packed = COMPRESSOR.compress(body.buffer(), 0, rawLength, w.buffer(), w.length() + 5, maxLength);
    // The compressed length goes first: written as a fixed 5-byte varint so the block need not move.
    w.fixedVarInt(packed);
    w.skip(packed);
    return w.bytes();
  }

  /** The span the bytes hold. */
  public static NormalizedSpan decode(byte[] bytes) {
    FactsAndBody decoded = decodeForWriting(bytes);
    Utf8Body body = decoded.body();
    Map<String, String> attributes = null;
    if (body.attributeKeys() != null) {
      attributes = new HashMap<>(body.attributeKeys().length * 4 / 3 + 1);
      for (int i = 0; i < body.attributeKeys().length; i++) {
        attributes.put(string(body.attributeKeys()[i]), string(body.attributeValues()[i]));
      }
    }
    return decoded.facts().withBody(attributes, string(body.spanJson()));
  }

  /**
   * The span without its body, for what needs only its facts (a trace's summary, scoring): the attribute
   * map comes back empty and span_json null, which saves building the larger part of the span.
   */
  public static NormalizedSpan decodeFacts(byte[] bytes) {
    return decodeFacts(new BinaryReader(bytes));
  }

  /**
   * A span's body as the UTF-8 bytes it was encoded from: for a writer that wants bytes (a
   * Parquet row), which would otherwise decode every string only to encode it again.
   *
   * @param attributeKeys null when the span had no attribute map; else its keys, in map order
   * @param attributeValues the values at the same positions (an absent value is null)
   * @param spanJson null when the span had none
   */
  public record Utf8Body(byte[][] attributeKeys, byte[][] attributeValues, byte[] spanJson) {}

  /** A span decoded for writing: its facts as {@link #decodeFacts} gives them, and its body as bytes. */
  public record FactsAndBody(NormalizedSpan facts, Utf8Body body) {}

  /** The span's facts and its body as UTF-8 bytes, in one pass. */
  public static FactsAndBody decodeForWriting(byte[] bytes) {
    BinaryReader r = new BinaryReader(bytes);
    NormalizedSpan facts = decodeFacts(r);
    BinaryReader body = new BinaryReader(decompressBody(bytes, r));
    long entries = body.varLong();
    byte[][] keys = null;
    byte[][] values = null;
    if (entries >= 0) {
      keys = new byte[(int) entries][];
      values = new byte[keys.length][];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = body.utf8();
        values[i] = body.utf8();
      }
    }
    return new FactsAndBody(facts, new Utf8Body(keys, values, body.utf8()));
  }

  private static String string(byte[] utf8) {
    return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
  }

  /**
   * The body block after the facts, decompressed into this thread's buffer (valid until its next
   * call: what is read from it is copied out); the reader is left past the block.
   */
  private static byte[] decompressBody(byte[] bytes, BinaryReader r) {
    int rawLength = (int) r.varLong();
    int packed = (int) r.varLong();
    BinaryWriter scratch = BODY_SCRATCH.get();
    scratch.reset();
    scratch.room(rawLength);
    byte[] raw = scratch.buffer();
    DECOMPRESSOR.decompress(bytes, r.position(), packed, raw, 0, rawLength);
    r.skip(packed);
    return raw;
  }

  /** The facts, read up to the body; the attribute map empty and span_json null. */
  private static NormalizedSpan decodeFacts(BinaryReader r) {
    byte version = r.b();
    if (version != VERSION) {
      throw new IllegalArgumentException("span bytes of format version " + version + ", this code reads " + VERSION);
    }
    String project = r.str();
    String traceId = r.str();
    String spanId = r.str();
    String parentSpanId = r.str();
    String name = r.str();
    SpanKind kind = KINDS[r.b()];
    String serviceName = r.str();
    String workflowName = r.str();
    String entityName = r.str();
    long startMicros = r.varLong();
    long endMicros = r.varLong();
    double durationMs = r.f64();
    String statusCode = r.str();
    String statusMessage = r.str();
    boolean isError = r.bool();
    String errorType = r.str();
    String model = r.str();
    String responseModel = r.str();
    String embeddingModel = r.str();
    String provider = r.str();
    Long inputTokens = r.optLong();
    Long outputTokens = r.optLong();
    Long totalTokens = r.optLong();
    Long cacheReadTokens = r.optLong();
    Long reasoningTokens = r.optLong();
    long tokenSizeBytes = r.varLong();
    boolean hasPrompt = r.bool();
    boolean hasResponse = r.bool();
    String finishReason = r.str();
    boolean isStreaming = r.bool();
    Double ttftMs = r.optDouble();
    String sessionId = r.str();
    String userId = r.str();
    return new NormalizedSpan(
        project, traceId, spanId, parentSpanId, name, kind, serviceName, workflowName, entityName,
        startMicros, endMicros, durationMs, statusCode, statusMessage, isError, errorType, model,
        responseModel, embeddingModel, provider, inputTokens, outputTokens, totalTokens,
        cacheReadTokens, reasoningTokens, tokenSizeBytes, hasPrompt, hasResponse, finishReason,
        isStreaming, ttftMs, sessionId, userId, Map.of(), null);
  }
}
