package io.llmtraces.ui.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a request's records to Kafka and tells, per request, whether Kafka acknowledged all of
 * them (acks=all, idempotent producer): the receiver answers 200 only then.
 *
 * <p>When Kafka cannot take data the request fails with 503 and {@code Retry-After}. Delivery is
 * bounded by the producer's delivery timeout, so a failed record has been given up by the
 * producer before the client hears 503: a retry cannot race a late write of the same record.
 * After a failure, requests fail at once for a short cool-down instead of each waiting the full
 * timeout. Request bytes awaiting acknowledgement are capped; past the cap a request gets 429.
 */
public final class KafkaPublisher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaPublisher.class);
  /** What a client is told to wait after Kafka failed, in seconds. */
  static final int UNAVAILABLE_RETRY_AFTER_S = 5;
  /** What a client is told to wait when too much is awaiting Kafka, in seconds. */
  static final int OVERLOADED_RETRY_AFTER_S = 1;
  private static final long COOL_DOWN_NANOS = Duration.ofSeconds(2).toNanos();

  /** The outcome of a request Kafka took: spans Kafka refused as too large, if any. */
  public record Published(int rejectedSpans, String rejectMessage) {}

  private final Producer<byte[], byte[]> producer;
  private final String topic;
  private final long maxPendingBytes;
  private final ExecutorService replies;
  private final AtomicLong pendingBytes = new AtomicLong();
  private volatile long unavailableUntil = System.nanoTime();
  private volatile boolean down;

  /**
   * @param replies where completions run: never on the producer's network thread, which must not
   *     write HTTP responses; shut down by {@link #close}
   */
  public KafkaPublisher(Producer<byte[], byte[]> producer, String topic, long maxPendingBytes, ExecutorService replies) {
    this.producer = producer;
    this.topic = topic;
    this.maxPendingBytes = maxPendingBytes;
    this.replies = replies;
  }

  /** The producer settings the receiver runs with (see the class comment for why). */
  public static Map<String, Object> producerConfig(String bootstrapServers, Duration timeout, int maxRequestBytes, long maxPendingBytes) {
    int deliveryMs = (int) timeout.toMillis();
    Map<String, Object> c = new HashMap<>();
    c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    c.put(ProducerConfig.CLIENT_ID_CONFIG, "llm-traces-otlp-receiver");
    c.put(ProducerConfig.ACKS_CONFIG, "all");
    c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    c.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    c.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    // Many concurrent requests share batches: a short linger buys large batches cheaply.
    c.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    c.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    c.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryMs);
    // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
    c.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(500, deliveryMs - 500));
    // send() blocks only for metadata (first send, broker down at start); never longer than this.
    c.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, deliveryMs);
    // The pending-bytes cap (429) binds before the producer's buffer can fill and block.
    c.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 2 * maxPendingBytes + maxRequestBytes);
    c.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRequestBytes + (1 << 20));
    c.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
    return c;
  }

  public static KafkaPublisher create(Map<String, Object> config, String topic, long maxPendingBytes) {
    ExecutorService replies = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "otlp-reply");
      t.setDaemon(true);
      return t;
    });
    return new KafkaPublisher(new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()), topic, maxPendingBytes, replies);
  }

  /** Sends the records; completes when Kafka answered for all, or exceptionally with an {@link IngestError}. */
  public CompletableFuture<Published> publish(List<TraceRecord> records) {
    if (records.isEmpty()) {
      return CompletableFuture.completedFuture(new Published(0, ""));
    }
    if (down && System.nanoTime() - unavailableUntil < 0) {
      return CompletableFuture.failedFuture(unavailable());
    }
    long size = 0;
    for (TraceRecord r : records) {
      size += r.value().length + r.key().length;
    }
    if (pendingBytes.addAndGet(size) > maxPendingBytes) {
      pendingBytes.addAndGet(-size);
      return CompletableFuture.failedFuture(
          IngestError.overloaded("too much data is waiting for Kafka; retry shortly", OVERLOADED_RETRY_AFTER_S));
    }
    long held = size;
    CompletableFuture<Published> result = new CompletableFuture<>();
    AtomicInteger remaining = new AtomicInteger(records.size());
    AtomicInteger tooLarge = new AtomicInteger();
    AtomicReference<Exception> failure = new AtomicReference<>();
    for (TraceRecord r : records) {
      Callback done = e -> {
        if (e instanceof RecordTooLargeException) {
          tooLarge.addAndGet(r.spans());
        } else if (e != null) {
          failure.compareAndSet(null, e);
        }
        if (remaining.decrementAndGet() == 0) {
          pendingBytes.addAndGet(-held);
          replies.execute(() -> finish(result, failure.get(), tooLarge.get()));
        }
      };
      try {
        producer.send(new ProducerRecord<>(topic, null, r.key(), r.value()), (metadata, e) -> done.accept(e));
      } catch (RuntimeException e) {
        // send() throws for a closed producer or a metadata wait past max.block.ms.
        done.accept(e);
      }
    }
    return result;
  }

  private interface Callback {
    void accept(Exception e);
  }

  private void finish(CompletableFuture<Published> result, Exception failure, int tooLarge) {
    if (failure != null) {
      if (!down) {
        LOG.warn("Kafka did not take records ({}); answering 503 until it does", failure.toString());
      }
      down = true;
      unavailableUntil = System.nanoTime() + COOL_DOWN_NANOS;
      result.completeExceptionally(unavailable());
      return;
    }
    if (down) {
      LOG.info("Kafka takes records again");
      down = false;
    }
    String message = tooLarge == 0 ? "" : tooLarge + " spans rejected: their record is larger than Kafka accepts";
    result.complete(new Published(tooLarge, message));
  }

  private static IngestError unavailable() {
    return IngestError.unavailable("Kafka did not acknowledge this request's spans; retry the request", UNAVAILABLE_RETRY_AFTER_S);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
    replies.shutdown();
  }
}
