package io.llmtraces.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TokenRegressionTest {
  private static final BaselineOptions O = BaselineOptions.DEFAULTS;

  @Test
  void predictsLatencyFromOutputTokensSoALongAnswerIsNotSlow() {
    Random rnd = new Random(5);
    TokenRegression r = TokenRegression.EMPTY;
    for (int i = 0; i < 3_000; i++) {
      long tokens = 20 + rnd.nextInt(800);
      double ms = (400 + 25 * tokens) * Math.exp(0.15 * rnd.nextGaussian());
      r = r.update(tokens, ms, 1, O);
    }
    assertThat(r.predict(100, O)).isBetween(2_600.0, 3_300.0);
    assertThat(r.predict(800, O)).isBetween(19_000.0, 22_500.0);
    Baseline b = new Baseline(LogLatency.EMPTY, r, EventRate.initial(O), EventRate.initial(O), 0);
    Expectation e = b.expect(800, true, "k", O);
    assertThat(e.perToken()).isTrue();
    assertThat(e.z(20_400)).isLessThan(1.0); // a normal long answer
    assertThat(e.z(3 * 20_400)).isGreaterThan(4.0); // the same length three times slower
  }

  @Test
  void withoutSpreadInTokensThereIsNoFit() {
    TokenRegression r = TokenRegression.EMPTY;
    for (int i = 0; i < 100; i++) {
      r = r.update(50, 1000, 1, O);
    }
    assertThat(r.predict(50, O)).isNaN();
  }
}
