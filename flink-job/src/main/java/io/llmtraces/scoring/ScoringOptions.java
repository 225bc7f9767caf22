package io.llmtraces.scoring;

import io.llmtraces.baseline.BaselineOptions;
import java.io.Serializable;

/**
 * How scores become verdicts.
 *
 * @param threshold a trace with a score of at least this is anomalous (50: a surprise of 4, a
 *     chance of 1 in 10,000 under its baseline after the correction for the trace's size); errors
 *     and empty responses score at least this
 * @param spanThreshold a span that is slow with a score of at least this is anomalous (40: a
 *     chance of about 1 in 1,600 for its key); lower than the trace threshold because it flags
 *     a span inside a trace someone is looking at, while the trace threshold decides what the
 *     list shows
 * @param minRelativeExcess a slow span or trace must also take at least this many times its
 *     baseline's median (1.5)
 * @param minSpanExcessMs ... and at least this many milliseconds more than the median (50): a
 *     1 ms span that takes 3 ms is not an incident
 * @param minTraceExcessMs the same for whole traces (200)
 * @param baselines how baselines learn
 */
public record ScoringOptions(
    double threshold,
    double spanThreshold,
    double minRelativeExcess,
    double minSpanExcessMs,
    double minTraceExcessMs,
    BaselineOptions baselines)
    implements Serializable {

  public static final ScoringOptions DEFAULTS = new ScoringOptions(50, 40, 1.5, 50, 200, BaselineOptions.DEFAULTS);

  public ScoringOptions {
    if (spanThreshold > threshold) {
      throw new IllegalArgumentException("the span threshold must not exceed the trace threshold");
    }
  }
}
