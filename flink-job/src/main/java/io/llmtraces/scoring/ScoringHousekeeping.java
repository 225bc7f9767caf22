package io.llmtraces.scoring;

/**
 * When a project's scoring state is tidied, in event time: the prior scores of traces rotate
 * through two generations (the older one dropped whole), and baselines idle for longer than their
 * expiry are swept out.
 *
 * <p>Why not Flink's state TTL: a project's baselines and prior scores are each one map under one
 * key, and TTL's background cleanup on the heap backend copies a whole map every time it visits
 * it, which cost a quarter of the job's CPU. A rotation drops a generation in one step, and a
 * sweep once an hour reads each baseline once.
 *
 * @param priorsRotatedAt when the current generation of prior scores began
 * @param priorsInFirst whether the current generation is the first of the two maps
 * @param baselinesSweptAt when idle baselines were last swept out
 */
public record ScoringHousekeeping(long priorsRotatedAt, boolean priorsInFirst, long baselinesSweptAt) {

  /** For a project whose first trace has this event time. */
  public static ScoringHousekeeping startingAt(long eventTime) {
    return new ScoringHousekeeping(eventTime, true, eventTime);
  }

  /**
   * Whether to rotate now. A prior score is put in the current generation and dropped when that
   * generation is dropped, two rotations later: it is kept at least {@code retentionMs}.
   */
  public boolean rotatePriors(long eventTime, long retentionMs) {
    return eventTime >= priorsRotatedAt + retentionMs;
  }

  public ScoringHousekeeping priorsRotated(long eventTime) {
    return new ScoringHousekeeping(eventTime, !priorsInFirst, baselinesSweptAt);
  }

  public boolean sweepBaselines(long eventTime, long intervalMs) {
    return eventTime >= baselinesSweptAt + intervalMs;
  }

  public ScoringHousekeeping baselinesSwept(long eventTime) {
    return new ScoringHousekeeping(priorsRotatedAt, priorsInFirst, eventTime);
  }
}
