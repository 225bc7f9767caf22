package io.llmtraces.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the spans and dead-letter topics when they are missing, so that the job can start
 * before the first span was ever sent (the Kafka source fails on a topic that does not exist).
 * Where the job may not create topics, it says so and goes on: an operator created them.
 */
final class KafkaTopics {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaTopics.class);

  private KafkaTopics() {}

  static void ensure(String bootstrapServers, Set<String> topics, int partitions) {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (String topic : topics) {
        if (!existing.contains(topic)) {
          missing.add(new NewTopic(topic, java.util.Optional.of(partitions), java.util.Optional.empty()));
        }
      }
      if (missing.isEmpty()) {
        return;
      }
      LOG.info("creating Kafka topics {}", missing);
      admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        LOG.warn("could not create topics {} (create them yourself): {}", topics, e.getCause().toString());
      }
    } catch (Exception e) {
      LOG.warn("could not check topics {} (create them yourself): {}", topics, e.toString());
    }
  }
}
