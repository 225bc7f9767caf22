package io.llmtraces.baseline;

/**
 * Everything learned about one key: how long its spans (or traces) take, how long its LLM calls
 * take for their output length, and how often they fail or return nothing. About 150 bytes.
 *
 * @param latency log of the judged time (self time for spans, duration for traces)
 * @param perToken LLM call duration against output tokens
 * @param errors rate of error spans
 * @param empties rate of LLM calls that returned nothing
 * @param lastSeenMillis event time of the latest sample, for expiring idle keys
 */
public record Baseline(
    LogLatency latency, TokenRegression perToken, EventRate errors, EventRate empties, long lastSeenMillis) {

  public static Baseline empty(BaselineOptions o) {
    return new Baseline(LogLatency.EMPTY, TokenRegression.EMPTY, EventRate.initial(o), EventRate.initial(o), 0);
  }

  /** What this baseline expects of a sample, or null while it has too few samples to say. */
  public Expectation expect(long outputTokens, boolean useTokens, String key, BaselineOptions o) {
    if (useTokens) {
      double predicted = perToken.predict(outputTokens, o);
      if (!Double.isNaN(predicted) && perToken.residual().samples() >= o.minSamples()) {
        return Expectation.of(perToken.residual(), Math.log(predicted), perToken.samples(), key, true, o);
      }
    }
    if (latency.samples() < o.minSamples()) {
      return null;
    }
    return Expectation.of(latency, 0, latency.samples(), key, false, o);
  }

  /** Learns only whether the sample failed or came back empty, not its time. */
  public Baseline learnEvents(boolean error, Boolean empty, long eventTime, BaselineOptions o) {
    EventRate n = empty == null ? empties : empties.update(empty, o);
    return new Baseline(latency, perToken, errors.update(error, o), n, Math.max(lastSeenMillis, eventTime));
  }

  /**
   * Learns from one sample.
   *
   * @param weight 1 for a typical sample; less for one the judging baseline found anomalous, so
   *     that anomalies do not teach the baseline
   * @param outputTokens the call's output tokens, or a negative value when unknown
   */
  public Baseline learn(
      double judgedMs, long outputTokens, boolean error, Boolean empty, double weight, long eventTime, BaselineOptions o) {
    LogLatency l = latency.update(Math.log(Math.max(judgedMs, 0.001)), weight, o);
    TokenRegression t = outputTokens >= 0 ? perToken.update(outputTokens, Math.max(judgedMs, 0.001), weight, o) : perToken;
    EventRate e = errors.update(error, o);
    EventRate n = empty == null ? empties : empties.update(empty, o);
    return new Baseline(l, t, e, n, Math.max(lastSeenMillis, eventTime));
  }
}
