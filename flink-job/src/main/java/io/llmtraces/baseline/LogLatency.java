package io.llmtraces.baseline;

/**
 * A robust, exponentially forgetting estimate of the mean and variance of a log-scale quantity
 * (log of a duration, or log of actual over predicted duration): about 24 bytes per key.
 *
 * <p>Each update moves the mean by a clipped deviation (Huber-style), so a single 10x spike
 * moves it by at most {@code alpha * clipSigmas * sigma}, while a lasting shift keeps pushing
 * the mean and widening the spread until the shift is absorbed. The variance learns from
 * deviations clipped at 2 sigma (rescaled so that it stays unbiased for normal data): outliers
 * widen it little, so they do not blunt the detection of the next one.
 */
public record LogLatency(long samples, double mean, double variance) {
  public static final LogLatency EMPTY = new LogLatency(0, 0, 0);
  /** Squared deviations are clipped at (2 sigma)^2 ... */
  private static final double VARIANCE_CLIP = 4.0;
  /** ... and divided by E[min(Z^2, 4)] for a standard normal Z, which keeps them unbiased. */
  private static final double VARIANCE_CLIP_BIAS = 0.9205;

  public double sigma(BaselineOptions o) {
    double s = Math.sqrt(variance);
    if (samples < o.minSamples()) {
      s = Math.max(s, o.warmupSigma());
    }
    // The uncertainty of the mean adds to the spread of a new sample.
    return Math.max(s, o.sigmaFloor()) * Math.sqrt(1 + 1.0 / Math.max(1, effectiveSamples(o)));
  }

  public LogLatency update(double x, double weight, BaselineOptions o) {
    if (samples == 0) {
      return new LogLatency(1, x, 0);
    }
    double alpha = o.alpha(samples) * weight;
    double bound = o.clipSigmas() * Math.max(Math.sqrt(variance), samples < o.minSamples() ? o.warmupSigma() : o.sigmaFloor());
    double d = Math.max(-bound, Math.min(bound, x - mean));
    double m = mean + alpha * d;
    double vBound = VARIANCE_CLIP * Math.max(variance, o.sigmaFloor() * o.sigmaFloor());
    double d2 = samples < o.minSamples() ? d * d : Math.min(d * d, vBound) / VARIANCE_CLIP_BIAS;
    double v = (1 - alpha) * (variance + alpha * d2);
    return new LogLatency(samples + 1, m, v);
  }

  /** Samples the estimate rests on: all of them while young, then about 2 / minAlpha. */
  public long effectiveSamples(BaselineOptions o) {
    return Math.min(samples, Math.round(2 / o.minAlpha()));
  }

  /** How many standard deviations {@code x} lies above the mean. */
  public double z(double x, BaselineOptions o) {
    return (x - mean) / sigma(o);
  }
}
