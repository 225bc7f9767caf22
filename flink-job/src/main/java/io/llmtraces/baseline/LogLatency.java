package io.llmtraces.baseline;

/**
 * A robust, exponentially forgetting estimate of the mean and variance of a log-scale quantity
 * (log of a duration, or log of actual over predicted duration): about 24 bytes per key.
 *
 * <p>Each update moves the mean by a clipped deviation (Huber-style), so a single 10x spike
 * moves it by at most {@code alpha * clipSigmas * sigma}, while a lasting shift keeps pushing
 * the mean and widening the spread until the shift is absorbed.
 */
public record LogLatency(long samples, double mean, double variance) {
  public static final LogLatency EMPTY = new LogLatency(0, 0, 0);

  public double sigma(BaselineOptions o) {
    double s = Math.sqrt(variance);
    if (samples < o.minSamples()) {
      s = Math.max(s, o.warmupSigma());
    }
    // A young baseline is less certain: widen like a t-distribution would.
    return Math.max(s, o.sigmaFloor()) * Math.sqrt(1 + 1.0 / Math.max(1, samples));
  }

  public LogLatency update(double x, double weight, BaselineOptions o) {
    if (samples == 0) {
      return new LogLatency(1, x, 0);
    }
    double alpha = o.alpha(samples) * weight;
    double bound = o.clipSigmas() * Math.max(Math.sqrt(variance), samples < o.minSamples() ? o.warmupSigma() : o.sigmaFloor());
    double d = Math.max(-bound, Math.min(bound, x - mean));
    double m = mean + alpha * d;
    double v = (1 - alpha) * (variance + alpha * d * d);
    return new LogLatency(samples + 1, m, v);
  }

  /** How many standard deviations {@code x} lies above the mean. */
  public double z(double x, BaselineOptions o) {
    return (x - mean) / sigma(o);
  }
}
