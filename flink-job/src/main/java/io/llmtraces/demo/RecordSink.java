package io.llmtraces.demo;

/** Where the producer's records go: Kafka when run, a list in tests. */
interface RecordSink extends AutoCloseable {
  /** Sends one record asynchronously; {@code key} may be null. */
  void send(byte[] key, byte[] value);

  /**
   * Sends one record with an explicit timestamp (epoch ms), which the job takes as the event time
   * of its spans. Sinks that keep no time (lists in tests) may ignore it.
   */
  default void send(byte[] key, byte[] value, long timestampMillis) {
    send(key, value);
  }

  /** Blocks until every record sent so far is acknowledged or failed. */
  void flush();

  /** Records that failed to send so far. */
  long failures();

  @Override
  void close();
}
