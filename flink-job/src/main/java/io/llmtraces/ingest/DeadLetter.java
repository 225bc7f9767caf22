package io.llmtraces.ingest;

/**
 * A record that could not be decoded, with a short reason code and a message for people.
 */
public record DeadLetter(KafkaRecord record, String reason, String message) {}
