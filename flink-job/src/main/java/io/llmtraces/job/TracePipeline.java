package io.llmtraces.job;

import io.llmtraces.ingest.DeadLetter;
import io.llmtraces.ingest.DecodeSpansFunction;
import io.llmtraces.ingest.KafkaRecord;
import io.llmtraces.ingest.NormalizerLimits;
import io.llmtraces.scoring.ScoredTrace;
import io.llmtraces.scoring.ScoringFunction;
import io.llmtraces.scoring.ScoringOptions;
import io.llmtraces.scoring.WritableSpan;
import io.llmtraces.trace.AssemblyOptions;
import io.llmtraces.trace.ClosedTrace;
import io.llmtraces.trace.EncodedSpan;
import io.llmtraces.trace.TraceAssemblyFunction;
import io.llmtraces.trace.TraceKeyTypeInfo;
import java.time.Duration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The topology between the source and the sinks, and nothing else: decode, encode each span to
 * bytes once, key by trace and assemble, key by project and score. Sources and sinks are plugged in by {@link TraceJob} (or by a test).
 *
 * <p>Operator uids are constants: Flink maps state to operators by uid when a job restarts from
 * a savepoint, so they must never change by accident.
 */
public final class TracePipeline {
  public static final String DECODE_UID = "decode-spans";
  public static final String ASSEMBLE_UID = "assemble-traces";
  public static final String SCORE_UID = "score-traces";

  /** What the pipeline produces. */
  public record Outputs(
      DataStream<ScoredTrace> traces, DataStream<WritableSpan> spans, DataStream<DeadLetter> deadLetters) {}

  private TracePipeline() {}

  public static Outputs build(
      DataStream<KafkaRecord> records,
      int maxRecordBytes,
      NormalizerLimits limits,
      AssemblyOptions assembly,
      ScoringOptions scoring,
      Duration baselineIdleExpiry) {
    SingleOutputStreamOperator<EncodedSpan> spans =
        records
            .process(new DecodeSpansFunction<EncodedSpan>(maxRecordBytes, limits, EncodedSpan::of))
            .returns(EncodedSpan.class)
            .name("Decode, normalize and encode spans")
            .uid(DECODE_UID);
    SingleOutputStreamOperator<ClosedTrace> closed =
        spans
            .keyBy(EncodedSpan::traceKey, TraceKeyTypeInfo.INSTANCE)
            .process(new TraceAssemblyFunction(assembly))
            .name("Assemble traces")
            .uid(ASSEMBLE_UID);
    // A later version of a trace needs its earlier score as long as late spans may still come.
    Duration priorRetention = assembly.lateRetention().plus(assembly.maxOpen());
    SingleOutputStreamOperator<ScoredTrace> scored =
        closed
            .keyBy(c -> c.summary().project())
            .process(new ScoringFunction(scoring, baselineIdleExpiry, priorRetention))
            .name("Score traces")
            .uid(SCORE_UID);
    return new Outputs(
        scored,
        scored.getSideOutput(ScoringFunction.SPANS),
        spans.getSideOutput(DecodeSpansFunction.DEAD_LETTERS));
  }
}
