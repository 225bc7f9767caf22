package io.llmtraces.baseline;

/** An exponentially forgetting rate of an event (errors, empty responses) for one key. */
public record EventRate(long samples, double rate) {

  public static EventRate initial(BaselineOptions o) {
    return new EventRate(0, o.eventPrior());
  }

  public EventRate update(boolean happened, BaselineOptions o) {
    // Counts the prior as one earlier sample, so that the first event is not a rate of 100 %.
    double alpha = Math.max(1.0 / (samples + 2), o.minAlpha());
    return new EventRate(samples + 1, rate + alpha * ((happened ? 1 : 0) - rate));
  }
}
