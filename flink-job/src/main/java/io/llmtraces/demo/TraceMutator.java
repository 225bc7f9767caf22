package io.llmtraces.demo;

import java.util.random.RandomGenerator;

/**
 * Changes a planned trace before it is placed in time and written: natural faults, and later
 * injected anomalies. Each change must be recorded with {@link TracePlan#record}.
 *
 * <p>Leaf durations are already drawn when a mutator runs; a mutator changes them (or a parent's
 * tail) and {@link TraceLayout} afterwards makes every parent enclose its children again.
 */
@FunctionalInterface
public interface TraceMutator {
  /** A mutator that changes nothing. */
  TraceMutator NONE = (plan, traceStartMicros, latency, rng) -> {};

  /**
   * Changes {@code plan}.
   *
   * @param traceStartMicros when the trace starts: level shifts and drifts depend on it
   * @param latency the latency model, to re-time a span whose model or tokens were changed
   * @param rng this mutator's own random stream for this trace; drawing from it never shifts the
   *     baseline traffic, so the same seed gives the same traces with and without anomalies
   */
  void mutate(TracePlan plan, long traceStartMicros, LatencyModel latency, RandomGenerator rng);
}
