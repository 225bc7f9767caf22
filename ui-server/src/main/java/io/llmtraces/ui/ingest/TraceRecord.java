package io.llmtraces.ui.ingest;

/**
 * One Kafka record the receiver writes: an {@code ExportTraceServiceRequest} (protobuf, as the
 * Collector's kafka exporter writes {@code otlp_proto}) holding spans of one trace, keyed by the
 * trace id in lower-case hex (as the Collector's {@code partition_traces_by_id} keys it).
 */
public record TraceRecord(byte[] key, byte[] value, int spans) {}
