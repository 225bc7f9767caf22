package io.llmtraces.demo;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** A Kafka producer of raw bytes set up for throughput without giving up durability. */
public final class KafkaRecordSink implements RecordSink {
  private final KafkaProducer<byte[], byte[]> producer;
  private final String topic;
  private final AtomicLong failures = new AtomicLong();

  KafkaRecordSink(String bootstrapServers, String topic) {
    this.producer = new KafkaProducer<>(producerProperties(bootstrapServers, "llm-traces-demo-producer"));
    this.topic = topic;
  }

  /**
   * The demo producer's settings (acks=all, idempotent, lz4, large batches), also used by the
   * benchmark's producers so that both write Kafka the same way.
   */
  public static Properties producerProperties(String bootstrapServers, String clientId) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    // Fill large batches: a few ms of latency buys far fewer, better-compressed requests.
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
    // A trace of a few hundred spans in otlp_json can pass the 1 MB default record limit; the
    // broker's own limit applies to compressed batches, which stay far smaller.
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return p;
  }

  @Override
  public void send(byte[] key, byte[] value) {
    send(new ProducerRecord<>(topic, key, value));
  }

  @Override
  public void send(byte[] key, byte[] value, long timestampMillis) {
    send(new ProducerRecord<>(topic, null, timestampMillis, key, value));
  }

  private void send(ProducerRecord<byte[], byte[]> record) {
    producer.send(
        record,
        (metadata, error) -> {
          if (error != null && failures.getAndIncrement() == 0) {
            System.err.println("[demo] first failed send (more are counted): " + error);
          }
        });
  }

  @Override
  public void flush() {
    producer.flush();
  }

  @Override
  public long failures() {
    return failures.get();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
