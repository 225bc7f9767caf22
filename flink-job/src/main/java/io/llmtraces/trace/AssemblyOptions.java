package io.llmtraces.trace;

import java.time.Duration;

/**
 * How traces are cut out of the span stream.
 *
 * @param quietGap a trace whose root has ended closes after this long without a new span (10 s)
 * @param maxOpen a trace closes this long after its first span even without a root (5 min)
 * @param lateRetention how long (wall clock) after a trace was last written its ids and totals are
 *     kept so that late spans produce a new version instead of a second trace (10 min; 0 keeps
 *     nothing)
 * @param maxSpansPerTrace spans beyond this are counted and dropped (10,000)
 */
public record AssemblyOptions(
    Duration quietGap, Duration maxOpen, Duration lateRetention, int maxSpansPerTrace)
    implements java.io.Serializable {

  public static final AssemblyOptions DEFAULTS =
      new AssemblyOptions(Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofMinutes(10), 10_000);

  public AssemblyOptions {
    if (quietGap.isNegative() || quietGap.isZero()) {
      throw new IllegalArgumentException("quiet gap must be positive");
    }
    if (maxOpen.compareTo(quietGap) < 0) {
      throw new IllegalArgumentException("max open time must be at least the quiet gap");
    }
    if (lateRetention.isNegative()) {
      throw new IllegalArgumentException("late retention must not be negative");
    }
    if (maxSpansPerTrace < 1) {
      throw new IllegalArgumentException("max spans per trace must be at least 1");
    }
  }
}
