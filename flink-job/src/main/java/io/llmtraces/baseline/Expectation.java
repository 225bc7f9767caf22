package io.llmtraces.baseline;

/**
 * What a baseline expects of one sample, in log space: a judged time x is surprising when
 * {@code (log(x) - center) / sigma} is large.
 *
 * @param center expected log of the judged time in ms
 * @param sigma spread in log space
 * @param samples how many samples the baseline had seen
 * @param key the baseline's key
 * @param perToken whether the expectation accounts for the call's output tokens
 * @param degreesOfFreedom of the Student t distribution a new sample follows when mean and
 *     spread are estimated from few samples
 */
public record Expectation(
    double center, double sigma, long samples, String key, boolean perToken, double degreesOfFreedom) {
  /** The standard normal quantile of 0.99. */
  private static final double Z99 = 2.3263478740408408;

  static Expectation of(LogLatency stats, double offset, long samples, String key, boolean perToken, BaselineOptions o) {
    return new Expectation(
        offset + stats.mean(), stats.sigma(o), samples, key, perToken, Math.max(1, stats.effectiveSamples(o) - 1));
  }

  public double medianMs() {
    return Math.exp(center);
  }

  public double p99Ms() {
    return Math.exp(center + Z99 * sigma);
  }

  /** How many standard deviations above the expected center, in log space. */
  public double z(double judgedMs) {
    return (Math.log(Math.max(judgedMs, 0.001)) - center) / sigma;
  }

  /**
   * The standard normal value as far in the tail as {@code z} is in a t distribution with this
   * expectation's degrees of freedom (Hill's approximation): a young baseline, whose mean and
   * spread are themselves uncertain, is slower to call something surprising.
   */
  public double normalEquivalentZ(double judgedMs) {
    double t = z(judgedMs);
    double v = degreesOfFreedom;
    return t * (1 - 1 / (4 * v)) / Math.sqrt(1 + t * t / (2 * v));
  }
}
