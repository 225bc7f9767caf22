/**
 * OTLP trace requests as bytes: the codecs both the Flink job (records from Kafka) and the page
 * server's OTLP/HTTP receiver (request bodies) use, so the two can never disagree on what a valid
 * request is.
 *
 * <ul>
 *   <li>{@link io.llmtraces.otlp.OtlpRecordDecoder}: protobuf or OTLP/JSON bytes to an
 *       {@code ExportTraceServiceRequest}, ids checked; {@link io.llmtraces.otlp.MalformedRecordException}
 *       says why not.
 *   <li>{@link io.llmtraces.otlp.OtlpJson}: the OTLP/JSON codec (hex ids, as the spec and the
 *       Collector write it); {@link io.llmtraces.otlp.OtlpJsonWriter} also writes reduced forms.
 *   <li>{@link io.llmtraces.otlp.Hex}, {@link io.llmtraces.otlp.Strings}: id and string helpers.
 * </ul>
 *
 * <p>Depends only on opentelemetry-proto, protobuf-java and Jackson's streaming core.
 */
package io.llmtraces.otlp;
