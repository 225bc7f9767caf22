package io.llmtraces.job;

import io.llmtraces.ingest.DeadLetter;
import io.llmtraces.ingest.DecodeSpansFunction;
import io.llmtraces.ingest.KafkaRecord;
import io.llmtraces.ingest.NormalizerLimits;
import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.model.TraceSummary;
import io.llmtraces.trace.AssemblyOptions;
import io.llmtraces.trace.TraceAssemblyFunction;
import io.llmtraces.trace.VersionedSpan;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The topology between the source and the sinks, and nothing else: decode, key by trace,
 * assemble. Sources and sinks are plugged in by {@link TraceJob} (or by a test).
 *
 * <p>Operator uids are constants: Flink maps state to operators by uid when a job restarts from
 * a savepoint, so they must never change by accident.
 */
public final class TracePipeline {
  public static final String DECODE_UID = "decode-spans";
  public static final String ASSEMBLE_UID = "assemble-traces";

  /** What the pipeline produces. */
  public record Outputs(
      DataStream<TraceSummary> traces, DataStream<VersionedSpan> spans, DataStream<DeadLetter> deadLetters) {}

  private TracePipeline() {}

  public static Outputs build(
      DataStream<KafkaRecord> records, int maxRecordBytes, NormalizerLimits limits, AssemblyOptions assembly) {
    SingleOutputStreamOperator<NormalizedSpan> spans =
        records
            .process(new DecodeSpansFunction(maxRecordBytes, limits))
            .name("Decode and normalize spans")
            .uid(DECODE_UID);
    SingleOutputStreamOperator<TraceSummary> traces =
        spans
            .keyBy(TraceAssemblyFunction::traceKey)
            .process(new TraceAssemblyFunction(assembly))
            .name("Assemble traces")
            .uid(ASSEMBLE_UID);
    return new Outputs(
        traces,
        traces.getSideOutput(TraceAssemblyFunction.SPANS),
        spans.getSideOutput(DecodeSpansFunction.DEAD_LETTERS));
  }
}
