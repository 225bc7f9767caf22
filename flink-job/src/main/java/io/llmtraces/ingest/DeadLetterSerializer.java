package io.llmtraces.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes a dead letter as the original key and bytes, with headers saying why it was refused and
 * where it came from ({@code dlq.reason}, {@code dlq.message}, {@code dlq.source.topic},
 * {@code dlq.source.partition}, {@code dlq.source.offset}, {@code dlq.source.timestamp}).
 */
public class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {
  /** Larger values are cut so that the dead-letter topic always accepts them. */
  public static final int MAX_VALUE_BYTES = 900 * 1024;

  private final String topic;

  public DeadLetterSerializer(String topic) {
    this.topic = topic;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(DeadLetter letter, KafkaSinkContext context, Long timestamp) {
    KafkaRecord source = letter.record();
    RecordHeaders headers = new RecordHeaders();
    headers.add("dlq.reason", utf8(letter.reason()));
    headers.add("dlq.message", utf8(letter.message()));
    headers.add("dlq.source.topic", utf8(source.topic()));
    headers.add("dlq.source.partition", utf8(Integer.toString(source.partition())));
    headers.add("dlq.source.offset", utf8(Long.toString(source.offset())));
    headers.add("dlq.source.timestamp", utf8(Long.toString(source.timestamp())));
    byte[] value = source.value();
    if (value != null && value.length > MAX_VALUE_BYTES) {
      headers.add("dlq.original.bytes", utf8(Integer.toString(value.length)));
      value = Arrays.copyOf(value, MAX_VALUE_BYTES);
    }
    return new ProducerRecord<>(topic, null, source.timestamp(), source.key(), value, headers);
  }

  private static byte[] utf8(String s) {
    return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
  }
}
