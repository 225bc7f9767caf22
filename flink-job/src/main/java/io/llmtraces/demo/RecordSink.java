package io.llmtraces.demo;

/** Where the producer's records go: Kafka when run, a list in tests. */
interface RecordSink extends AutoCloseable {
  /** Sends one record asynchronously; {@code key} may be null. */
  void send(byte[] key, byte[] value);

  /** Blocks until every record sent so far is acknowledged or failed. */
  void flush();

  /** Records that failed to send so far. */
  long failures();

  @Override
  void close();
}
