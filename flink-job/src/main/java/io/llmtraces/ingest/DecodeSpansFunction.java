package io.llmtraces.ingest;

import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.otlp.MalformedRecordException;
import io.llmtraces.otlp.OtlpRecordDecoder;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Decodes each Kafka record into normalized spans, each emitted as what {@link SpanOutput} makes
 * of it (the job: its encoding for the assembly); a record that cannot be decoded goes to the
 * {@link #DEAD_LETTERS} side output with its reason, and is counted per reason. Nothing here
 * throws for bad input: one bad record must never stop the job.
 *
 * @param <T> what a span is emitted as
 */
public class DecodeSpansFunction<T> extends ProcessFunction<KafkaRecord, T> {
  public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

  /** Makes the emitted value of a span and its span_json bytes (valid only during the call). */
  @FunctionalInterface
  public interface SpanOutput<T> extends Serializable {
    T of(NormalizedSpan span, byte[] spanJson, int length);
  }

  private final int maxRecordBytes;
  private final NormalizerLimits limits;
  private final SpanOutput<T> output;
  private transient OtlpRecordDecoder decoder;
  private transient SpanNormalizer normalizer;
  private transient Counter records;
  private transient Counter spans;
  private transient Counter deadLetters;
  private transient MetricGroup reasons;
  private transient Map<String, Counter> deadLettersByReason;

  public DecodeSpansFunction(int maxRecordBytes, NormalizerLimits limits, SpanOutput<T> output) {
    this.maxRecordBytes = maxRecordBytes;
    this.limits = limits;
    this.output = output;
  }

  @Override
  public void open(OpenContext openContext) {
    decoder = new OtlpRecordDecoder(maxRecordBytes);
    normalizer = new SpanNormalizer(limits);
    MetricGroup metrics = getRuntimeContext().getMetricGroup();
    records = metrics.counter("recordsDecoded");
    spans = metrics.counter("spansNormalized");
    deadLetters = metrics.counter("deadLetterRecords");
    reasons = metrics.addGroup("deadLetterReason");
    deadLettersByReason = new HashMap<>();
  }

  @Override
  public void processElement(KafkaRecord record, Context ctx, Collector<T> out) {
    ExportTraceServiceRequest request;
    try {
      request = decoder.decode(record.value());
    } catch (MalformedRecordException e) {
      deadLetter(record, e.reason(), e.getMessage(), ctx);
      return;
    }
    try {
      normalizer.normalize(
          request,
          (span, json, length) -> {
            spans.inc();
            out.collect(output.of(span, json, length));
          });
      records.inc();
    } catch (RuntimeException e) {
      // The normalizer is written never to throw; if it does, keep the record rather than the job.
      deadLetter(record, "normalize_failed", String.valueOf(e), ctx);
    }
  }

  private void deadLetter(KafkaRecord record, String reason, String message, Context ctx) {
    deadLetters.inc();
    deadLettersByReason.computeIfAbsent(reason, r -> reasons.addGroup(r).counter("records")).inc();
    ctx.output(DEAD_LETTERS, new DeadLetter(record, reason, message));
  }
}
