package io.llmtraces.ui.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KafkaPublisherTest {
  private final MockProducer<byte[], byte[]> producer =
      new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
  private final KafkaPublisher publisher = new KafkaPublisher(producer, "otlp_spans", 1000, Executors.newSingleThreadExecutor());

  @AfterEach
  void close() {
    publisher.close();
  }

  private static TraceRecord record(int bytes, int spans) {
    return new TraceRecord("0af7651916cd43dd8448eb211c80319c".getBytes(), new byte[bytes], spans);
  }

  private static IngestError failure(CompletableFuture<?> f) throws InterruptedException {
    try {
      f.get(5, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure");
    } catch (ExecutionException e) {
      return (IngestError) e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no answer", e);
    }
  }

  @Test
  void answersOnlyOnceKafkaAcknowledgedEveryRecord() throws Exception {
    CompletableFuture<KafkaPublisher.Published> f = publisher.publish(List.of(record(10, 1), record(10, 2)));
    assertThat(producer.history()).hasSize(2);
    assertThat(producer.history().get(0).topic()).isEqualTo("otlp_spans");
    producer.completeNext();
    Thread.sleep(50);
    assertThat(f).isNotDone();
    producer.completeNext();
    assertThat(f.get(5, TimeUnit.SECONDS).rejectedSpans()).isZero();
  }

  @Test
  void aFailedRecordFailsTheRequestWith503AndLaterRequestsFailFast() throws Exception {
    CompletableFuture<KafkaPublisher.Published> f = publisher.publish(List.of(record(10, 1), record(10, 1)));
    producer.completeNext();
    producer.errorNext(new TimeoutException("Expiring 1 record(s)"));
    IngestError e = failure(f);
    assertThat(e.status()).isEqualTo(503);
    assertThat(e.retryAfterSeconds()).isPositive();
    // Within the cool-down nothing is even sent.
    IngestError fast = failure(publisher.publish(List.of(record(10, 1))));
    assertThat(fast.status()).isEqualTo(503);
    assertThat(producer.history()).hasSize(2);
  }

  @Test
  void tooMuchAwaitingKafkaGets429() throws Exception {
    CompletableFuture<KafkaPublisher.Published> first = publisher.publish(List.of(record(800, 1)));
    IngestError e = failure(publisher.publish(List.of(record(300, 1))));
    assertThat(e.status()).isEqualTo(429);
    assertThat(e.retryAfterSeconds()).isPositive();
    producer.completeNext();
    first.get(5, TimeUnit.SECONDS);
    // Acknowledged bytes no longer count.
    CompletableFuture<KafkaPublisher.Published> again = publisher.publish(List.of(record(300, 1)));
    producer.completeNext();
    assertThat(again.get(5, TimeUnit.SECONDS).rejectedSpans()).isZero();
  }

  @Test
  void recordsKafkaRefusesAsTooLargeAreRejectedSpansNotRetries() throws Exception {
    CompletableFuture<KafkaPublisher.Published> f = publisher.publish(List.of(record(10, 3), record(10, 2)));
    producer.errorNext(new RecordTooLargeException("too big"));
    producer.completeNext();
    KafkaPublisher.Published p = f.get(5, TimeUnit.SECONDS);
    assertThat(p.rejectedSpans()).isEqualTo(3);
    assertThat(p.rejectMessage()).contains("larger than Kafka accepts");
  }

  @Test
  void producerSettingsNeverTradeDurabilityAndBoundEveryWait() {
    var c = KafkaPublisher.producerConfig("k:9092", java.time.Duration.ofSeconds(5), 8 << 20, 64L << 20);
    assertThat(c.get(ProducerConfig.ACKS_CONFIG)).isEqualTo("all");
    assertThat(c.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isEqualTo(true);
    assertThat(c.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).isEqualTo(5000);
    assertThat(c.get(ProducerConfig.MAX_BLOCK_MS_CONFIG)).isEqualTo(5000);
    int request = (Integer) c.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);
    int linger = (Integer) c.get(ProducerConfig.LINGER_MS_CONFIG);
    assertThat(linger + request).isLessThanOrEqualTo(5000);
  }
}
