package io.llmtraces.scoring;

/**
 * The score scale shared by every anomaly type: a surprise {@code s = -log10(p)}, where p is how
 * likely the observation is under its baseline, mapped to {@code score = min(100, 12.5 * s)}
 * (p = 1e-2 -> 25, 1e-4 -> 50, 1e-6 -> 75, 1e-8 or less -> 100).
 */
public final class Surprise {
  public static final double POINTS_PER_DECADE = 12.5;

  private Surprise() {}

  public static double score(double surprise) {
    return Math.min(100, POINTS_PER_DECADE * Math.max(0, surprise));
  }

  /** Surprise of an event that happens with probability p. */
  public static double ofProbability(double p) {
    return -Math.log10(Math.max(p, 1e-300));
  }

  /**
   * Surprise of a value z standard deviations above the mean of a normal distribution (upper
   * tail; a value below the mean is no surprise). Computed in log space, so it stays finite far
   * into the tail where the probability itself underflows.
   */
  public static double ofUpperTail(double z) {
    if (z <= 0) {
      return 0;
    }
    // p = erfc(z / sqrt 2) / 2, with erfc from Numerical Recipes' Chebyshev fit (relative error
    // below 1.2e-7 everywhere), whose form exp(...) lets us take the logarithm exactly.
    double x = z / Math.sqrt(2);
    double t = 1.0 / (1.0 + 0.5 * x);
    double lnErfc =
        Math.log(t)
            - x * x
            - 1.26551223
            + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807
                + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    double lnP = lnErfc - Math.log(2);
    return -lnP / Math.log(10);
  }
}
