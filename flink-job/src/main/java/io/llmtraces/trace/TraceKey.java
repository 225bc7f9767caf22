package io.llmtraces.trace;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * The key of a trace, project and trace id, held as the UTF-8 bytes of {@code project + '\n' +
 * traceId} (an OTLP trace id is hex and has no newline, so the key splits back at its last one).
 *
 * <p>Bytes rather than a string because the key is written far more often than it is read: with
 * every span that crosses the {@code keyBy}, and on every checkpoint once per trace in state and
 * once per timer (the assembly keeps a trace for the late-span retention, minutes of traffic).
 * Flink writes a string char by char; {@link TraceKeyTypeInfo} writes these bytes in one go.
 */
@TypeInfo(TraceKeyTypeInfo.Factory.class)
public final class TraceKey {
  private final byte[] bytes;
  private final int hash;

  private TraceKey(byte[] bytes) {
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
  }

  public static TraceKey of(String project, String traceId) {
    return new TraceKey((project + '\n' + traceId).getBytes(StandardCharsets.UTF_8));
  }

  /** The key whose {@link #bytes()} these are (the array is kept, not copied). */
  static TraceKey ofBytes(byte[] bytes) {
    return new TraceKey(bytes);
  }

  /** The key's bytes (the array itself, not a copy: never change it). */
  byte[] bytes() {
    return bytes;
  }

  public String project() {
    return new String(bytes, 0, cut(), StandardCharsets.UTF_8);
  }

  public String traceId() {
    int cut = cut();
    return new String(bytes, cut + 1, bytes.length - cut - 1, StandardCharsets.UTF_8);
  }

  private int cut() {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    throw new IllegalStateException("a trace key without its separator");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TraceKey other && hash == other.hash && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return project() + '/' + traceId();
  }
}
