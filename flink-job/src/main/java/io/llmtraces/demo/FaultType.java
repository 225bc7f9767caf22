package io.llmtraces.demo;

import java.util.EnumSet;
import java.util.Set;

/**
 * What went wrong in a span: the generator's natural faults, then the anomalies the labelled mode
 * injects ({@link AnomalyInjector}); {@link Labels} says which anomaly each should produce.
 */
public enum FaultType {
  /** The call failed: status ERROR with an {@code exception} event. */
  ERROR,
  /** The model call hit the client timeout: ERROR after exactly the timeout. */
  TIMEOUT,
  /** The model answered with nothing: status OK, empty completion, no output tokens. */
  EMPTY_RESPONSE,
  /** The caller stopped reading a stream: status OK, no completion, no usage. */
  ABANDONED_STREAM,
  /**
   * An exception escaped decorated functions: their spans were never ended, so the trace arrives
   * without them (often without its root).
   */
  UNEXPORTED_SPANS,
  /** One call took {@code magnitude} times the 99th percentile of its normal latency. */
  SPIKE,
  /** A spike in the first minutes of a run, while baselines are still empty. */
  WARMUP_SPIKE,
  /** A key became {@code magnitude} times slower for a while: a fault. */
  LEVEL_SHIFT,
  /** A key slowly getting slower; {@code magnitude} is its slowdown at this span. */
  DRIFT,
  /** One of many failures of one key within a minute. */
  ERROR_BURST,
  /** A streamed call that answered but reported no token usage: normal, not an empty answer. */
  STREAM_WITHOUT_USAGE,
  /**
   * A call on the model a project upgraded to (an intended change); {@code magnitude} is the span's
   * sample number on the new model, 1 for its first.
   */
  MODEL_UPGRADE,
  /** A call on a model never seen before the run; {@code magnitude} is its sample number. */
  NEW_MODEL;

  /** The faults healthy traffic has on its own ({@link NaturalFaults}); the rest are injected. */
  public static final Set<FaultType> NATURAL = EnumSet.range(ERROR, UNEXPORTED_SPANS);
}
