package io.llmtraces.bench;

import io.llmtraces.demo.KafkaRecordSink;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Kafka clients of the benchmark, set up like the demo producer and the job's source. */
final class Kafka {
  /** Same as the job's default partition count for the topics it creates. */
  static final int PARTITIONS = 4;

  private Kafka() {}

  /** A producer with the demo producer's settings (acks=all, idempotent, lz4, large batches). */
  static KafkaProducer<byte[], byte[]> producer(String bootstrapServers, String clientId) {
    return new KafkaProducer<>(KafkaRecordSink.producerProperties(bootstrapServers, clientId));
  }

  /** A consumer without a group (partitions are assigned by hand), fetching like the job's source. */
  static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers, String clientId, int maxRecordBytes) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Math.max(1 << 20, maxRecordBytes));
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return new KafkaConsumer<>(p);
  }

  static void createTopic(String bootstrapServers, String topic, int partitions) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
        admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
            .all().get(30, TimeUnit.SECONDS);
      }
    }
  }
}
