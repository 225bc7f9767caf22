package io.llmtraces.baseline;

/**
 * LLM call latency against output tokens: duration = intercept + slope * outputTokens, fitted by
 * exponentially weighted least squares, and the spread of log(actual / predicted) around it.
 * A long answer is slow because it is long; this judges the call for the length it produced.
 *
 * @param meanX weighted mean of output tokens
 * @param meanY weighted mean of duration (ms)
 * @param meanXX weighted mean of tokens squared
 * @param meanXY weighted mean of tokens times duration
 * @param residual log(actual / predicted)
 */
public record TokenRegression(
    long samples, double meanX, double meanY, double meanXX, double meanXY, LogLatency residual) {
  public static final TokenRegression EMPTY = new TokenRegression(0, 0, 0, 0, 0, LogLatency.EMPTY);

  /** The predicted duration, or NaN while the fit is not trustworthy. */
  public double predict(long outputTokens, BaselineOptions o) {
    double varX = meanXX - meanX * meanX;
    if (samples < o.minSamples() || varX <= Math.pow(0.1 * meanX, 2) || meanY <= 0) {
      return Double.NaN;
    }
    double slope = (meanXY - meanX * meanY) / varX;
    if (slope < 0) {
      return Double.NaN;
    }
    double predicted = meanY + slope * (outputTokens - meanX);
    // An intercept far below zero means the line does not describe short answers.
    return predicted > 0.05 * meanY ? predicted : Double.NaN;
  }

  public TokenRegression update(long outputTokens, double durationMs, double weight, BaselineOptions o) {
    double predicted = predict(outputTokens, o);
    LogLatency r = residual;
    if (!Double.isNaN(predicted)) {
      r = residual.update(Math.log(durationMs / predicted), weight, o);
    }
    double alpha = o.alpha(samples) * weight;
    double x = outputTokens;
    return new TokenRegression(
        samples + 1,
        meanX + alpha * (x - meanX),
        meanY + alpha * (durationMs - meanY),
        meanXX + alpha * (x * x - meanXX),
        meanXY + alpha * (x * durationMs - meanXY),
        r);
  }
}
