package io.llmtraces.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacerTest {
  private long now;
  private long slept;

  private Pacer pacer(double perSecond) {
    return new Pacer(
        perSecond,
        () -> now,
        nanos -> {
          slept += nanos;
          now += nanos;
        });
  }

  @Test
  void holdsTheRateBySleeping() throws InterruptedException {
    Pacer pacer = pacer(1_000); // one permit per millisecond
    for (int i = 0; i < 100; i++) {
      pacer.awaitTurn();
      pacer.take(10);
    }
    // 100 turns of 10 permits: the last turn starts after 99 turns were paid for.
    assertThat(now).isEqualTo(99 * 10_000_000L);
    assertThat(slept).isEqualTo(now);
  }

  @Test
  void doesNotBurstForeverAfterAStall() throws InterruptedException {
    Pacer pacer = pacer(1_000);
    now += 60_000_000_000L; // a minute without sending
    int free = 0;
    for (int i = 0; i < 5_000 && slept == 0; i++) {
      pacer.awaitTurn();
      pacer.take(1);
      free++;
    }
    assertThat(free).isBetween(1_000, 1_002); // at most one second of catching up
  }

  @Test
  void zeroMeansUnlimited() throws InterruptedException {
    Pacer pacer = pacer(0);
    for (int i = 0; i < 1_000; i++) {
      pacer.awaitTurn();
      pacer.take(1_000);
    }
    assertThat(slept).isZero();
  }
}
