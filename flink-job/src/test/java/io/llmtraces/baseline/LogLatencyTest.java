package io.llmtraces.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogLatencyTest {
  private static final BaselineOptions O = BaselineOptions.DEFAULTS;

  private static LogLatency learn(LogLatency l, Random rnd, int n, double medianMs, double sigma) {
    for (int i = 0; i < n; i++) {
      l = l.update(Math.log(medianMs) + sigma * rnd.nextGaussian(), 1, O);
    }
    return l;
  }

  @Test
  void learnsTheMedianAndSpreadOfLogNormalLatency() {
    LogLatency l = learn(LogLatency.EMPTY, new Random(1), 2_000, 800, 0.3);
    assertThat(Math.exp(l.mean())).isBetween(740.0, 860.0);
    assertThat(l.sigma(O)).isBetween(0.26, 0.34);
  }

  @Test
  void aSingleHugeOutlierBarelyMovesTheBaseline() {
    LogLatency before = learn(LogLatency.EMPTY, new Random(2), 500, 800, 0.3);
    LogLatency after = before.update(Math.log(800 * 50), 1, O);
    assertThat(Math.abs(after.mean() - before.mean())).isLessThan(0.01);
    assertThat(after.sigma(O) / before.sigma(O)).isLessThan(1.05);
  }

  @Test
  void aLastingShiftBecomesTheNewNormalWithinAFewHundredSamples() {
    Random rnd = new Random(3);
    LogLatency l = learn(LogLatency.EMPTY, rnd, 500, 800, 0.3);
    int samples = 0;
    // Three times slower from now on: count samples until such a call is no longer 4 sigma out.
    while (l.z(Math.log(2400), O) > 2.5 && samples < 2_000) {
      l = l.update(Math.log(2400) + 0.3 * rnd.nextGaussian(), 1, O);
      samples++;
    }
    assertThat(samples).isBetween(5, 300);
  }

  @Test
  void anomaliesDuringWarmUpDoNotSetTheBaseline() {
    Random rnd = new Random(4);
    LogLatency l = LogLatency.EMPTY.update(Math.log(800), 1, O);
    l = l.update(Math.log(800 * 10), 1, O); // a spike among the first samples
    l = learn(l, rnd, 60, 800, 0.3);
    assertThat(Math.exp(l.mean())).isBetween(700.0, 920.0);
  }
}
