/**
 * From Kafka record bytes to {@link io.llmtraces.model.NormalizedSpan}s, in plain Java (no Flink,
 * no Kafka types), so the operator that calls it stays thin and this stays unit-testable.
 *
 * <ol>
 *   <li>{@link io.llmtraces.otlp.OtlpRecordDecoder} (shared module {@code otlp}) turns a record
 *       value ({@code otlp_proto} or {@code otlp_json}, detected per record) into an
 *       {@code ExportTraceServiceRequest}, or throws {@link io.llmtraces.otlp.MalformedRecordException}
 *       whose {@code reason()} goes into the dead-letter record's headers.
 *   <li>{@link io.llmtraces.ingest.SpanNormalizer} emits one normalized span per OTLP span to a
 *       callback; it never throws for span content.
 *   <li>{@link io.llmtraces.otlp.OtlpJson} is the OTLP/JSON codec (hex ids) used by the decoder,
 *       by producers of demo traffic and by the page server's OTLP/HTTP receiver.
 * </ol>
 *
 * <p>Left to the caller: dropping spans with an empty trace or span id if it wants to (they come
 * out with ids ""), the workflow-name fallback to the root span's name (a trace-level fact), and
 * summing tokens over LLM spans only (iftracer copies counts onto workflow spans).
 */
package io.llmtraces.ingest;
