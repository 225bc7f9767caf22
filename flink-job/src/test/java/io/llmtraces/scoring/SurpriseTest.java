package io.llmtraces.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SurpriseTest {
  @Test
  void upperTailMatchesKnownNormalProbabilities() {
    assertThat(Surprise.ofUpperTail(1.6448536)).isCloseTo(-Math.log10(0.05), within(1e-5));
    assertThat(Surprise.ofUpperTail(2.3263479)).isCloseTo(2.0, within(1e-5));
    assertThat(Surprise.ofUpperTail(3.7190165)).isCloseTo(4.0, within(1e-4));
    assertThat(Surprise.ofUpperTail(0)).isZero();
    assertThat(Surprise.ofUpperTail(-3)).isZero();
  }

  @Test
  void staysFiniteFarIntoTheTail() {
    assertThat(Surprise.ofUpperTail(40)).isBetween(300.0, 400.0);
  }

  @Test
  void scoreScaleIsTwelveAndAHalfPointsPerDecadeCappedAtOneHundred() {
    assertThat(Surprise.score(2)).isEqualTo(25);
    assertThat(Surprise.score(4)).isEqualTo(50);
    assertThat(Surprise.score(6)).isEqualTo(75);
    assertThat(Surprise.score(20)).isEqualTo(100);
    assertThat(Surprise.score(-1)).isZero();
  }
}
