package io.llmtraces.ingest;

/**
 * A Kafka record as read from the spans topic, before decoding: enough to decode it and, if it
 * cannot be decoded, to send it to the dead-letter topic saying where it came from.
 *
 * @param timestamp the record's Kafka timestamp (epoch ms), the event time of its spans
 */
public record KafkaRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value) {}
