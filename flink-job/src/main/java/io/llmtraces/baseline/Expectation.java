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
 */
public record Expectation(double center, double sigma, long samples, String key, boolean perToken) {
  /** The standard normal quantile of 0.99. */
  private static final double Z99 = 2.3263478740408408;

  static Expectation of(LogLatency stats, double offset, long samples, String key, boolean perToken, BaselineOptions o) {
    return new Expectation(offset + stats.mean(), stats.sigma(o), samples, key, perToken);
  }

  public double medianMs() {
    return Math.exp(center);
  }

  public double p99Ms() {
    return Math.exp(center + Z99 * sigma);
  }

  public double z(double judgedMs) {
    return (Math.log(Math.max(judgedMs, 0.001)) - center) / sigma;
  }
}
