package io.llmtraces.scoring;

import io.llmtraces.model.AnomalyType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * What an earlier version of a trace scored, kept for a while so that a later version (late
 * spans) combines with it instead of starting over.
 *
 * <p>Scoring keeps one per trace for the late-span retention, minutes of traffic, and a
 * checkpoint writes them all: in state they are {@link #toBytes() 17 bytes} each.
 *
 * @param judgedSpans spans whose time was judged, for the multiple-comparison correction
 */
public record PriorScore(double score, List<AnomalyType> types, int judgedSpans, int anomalousSpans) {
  private static final AnomalyType[] TYPES = AnomalyType.values();

  /** The score, a bit per anomaly type, and the two counts. */
  public byte[] toBytes() {
    int mask = 0;
    for (AnomalyType t : types) {
      mask |= 1 << t.ordinal();
    }
    return ByteBuffer.allocate(17).putDouble(score).put((byte) mask).putInt(judgedSpans).putInt(anomalousSpans).array();
  }

  /** The value {@link #toBytes} wrote; types in their declared order. */
  public static PriorScore fromBytes(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    double score = b.getDouble();
    int mask = b.get();
    List<AnomalyType> types = new ArrayList<>(Integer.bitCount(mask));
    for (AnomalyType t : TYPES) {
      if ((mask & 1 << t.ordinal()) != 0) {
        types.add(t);
      }
    }
    return new PriorScore(score, types, b.getInt(), b.getInt());
  }
}
