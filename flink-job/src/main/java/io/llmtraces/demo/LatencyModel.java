package io.llmtraces.demo;

import java.util.random.RandomGenerator;

/**
 * Draws how long each span takes: long-tailed (lognormal) everywhere, and for a model call a time
 * to first token plus a per-token decode time, so latency grows with the answer's length.
 */
public final class LatencyModel {
  private static final long MICROS_PER_MS = 1000;

  /** z of the 99th percentile of the standard normal distribution. */
  private static final double Z99 = 2.3263;

  /** Spread of one call's decode speed: it varies less than queueing before the first token. */
  private static final double DECODE_SIGMA = 0.18;

  /** Time after the last token (closing the stream, parsing), median and spread. */
  private static final double CLOSE_MEDIAN_MS = 1.5;

  private static final double CLOSE_SIGMA = 0.6;

  /** Sets the gaps and own durations of every span of a freshly shaped trace. */
  void timeAll(TracePlan plan, RandomGenerator rng) {
    for (SpanPlan span : plan.spans()) {
      time(span, rng);
    }
  }

  /** Sets one span's gap before it, its tail, and (for a leaf) its duration. */
  public void time(SpanPlan span, RandomGenerator rng) {
    SpanPlan parent = span.parent();
    if (parent != null) {
      // Crossing into another service costs a network round trip; in-process calls almost nothing.
      boolean remote = parent.service() != span.service();
      span.setGapBeforeMicros(
          remote ? lognormalMicros(4.0, 0.5, rng) : lognormalMicros(0.3, 0.9, rng));
    }
    if (!span.isLeaf()) {
      span.setTailMicros(lognormalMicros(span.workMedianMs(), span.workSigma(), rng));
      return;
    }
    if (span.isModelCall()) {
      timeModelCall(span, rng);
    } else {
      span.setDurationMicros(lognormalMicros(span.workMedianMs(), span.workSigma(), rng));
    }
  }

  /**
   * Times a model call from its model and token counts: prefill, first token, then decode. Call it
   * again after changing the model or the tokens.
   */
  public void timeModelCall(SpanPlan span, RandomGenerator rng) {
    ModelSpec model = span.model();
    double prefillMs = span.inputTokens() / 1000.0 * model.msPerKiloInputTokens();
    double firstMs = lognormal(model.ttftMedianMs(), model.ttftSigma(), rng) + prefillMs;
    if (model.embedding()) {
      span.setTtftMicros(0);
      span.setDurationMicros(Math.max(1, (long) (firstMs * MICROS_PER_MS)));
      return;
    }
    // Hidden reasoning tokens are decoded before the first visible one.
    firstMs += span.reasoningTokens() * model.msPerOutputToken();
    double perTokenMs = model.msPerOutputToken() * lognormal(1.0, DECODE_SIGMA, rng);
    double totalMs =
        firstMs + span.outputTokens() * perTokenMs + lognormal(CLOSE_MEDIAN_MS, CLOSE_SIGMA, rng);
    span.setTtftMicros((long) (firstMs * MICROS_PER_MS));
    span.setDurationMicros(Math.max(1, (long) (totalMs * MICROS_PER_MS)));
  }

  /**
   * An upper bound of the 99th percentile of a span's own time as this model draws it: every
   * lognormal term at its own 99th percentile, added up. For a model call it holds for the span's
   * model and token counts; for a parent it is its own time after its children. Injected spikes are
   * sized against it, so that a spike of x3 is far out whatever the spread of the span's key.
   */
  public double p99BoundMs(SpanPlan span) {
    if (!span.isModelCall() || !span.isLeaf()) {
      return span.workMedianMs() * Math.exp(Z99 * span.workSigma());
    }
    ModelSpec model = span.model();
    double bound =
        model.ttftMedianMs() * Math.exp(Z99 * model.ttftSigma())
            + span.inputTokens() / 1000.0 * model.msPerKiloInputTokens();
    if (model.embedding()) {
      return bound;
    }
    return bound
        + span.reasoningTokens() * model.msPerOutputToken()
        + span.outputTokens() * model.msPerOutputToken() * Math.exp(Z99 * DECODE_SIGMA)
        + CLOSE_MEDIAN_MS * Math.exp(Z99 * CLOSE_SIGMA);
  }

  /** A lognormal draw in milliseconds with the given median and sigma. */
  public static double lognormal(double medianMs, double sigma, RandomGenerator rng) {
    return medianMs * Math.exp(sigma * rng.nextGaussian());
  }

  /** A lognormal draw converted to whole microseconds, at least one. */
  public static long lognormalMicros(double medianMs, double sigma, RandomGenerator rng) {
    return Math.max(1, (long) (lognormal(medianMs, sigma, rng) * MICROS_PER_MS));
  }
}
