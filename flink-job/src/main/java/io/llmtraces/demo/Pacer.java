package io.llmtraces.demo;

import java.util.function.LongSupplier;

/**
 * Holds a rate of permits per second by sleeping until the next permits are due (no spinning).
 * Permits are taken after the work they pay for is known (a trace's span count), so the wait comes
 * before the next piece of work. Falling behind is made up by at most one second's worth.
 */
final class Pacer {
  /** Sleeps for a number of nanoseconds; tests replace it with a fake clock. */
  interface Sleeper {
    void sleepNanos(long nanos) throws InterruptedException;
  }

  private final double nanosPerPermit;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private long nextFreeNanos;

  /** A pacer at {@code permitsPerSecond}; zero or less means unlimited. */
  Pacer(double permitsPerSecond, LongSupplier nanoTime, Sleeper sleeper) {
    this.nanosPerPermit = permitsPerSecond > 0 ? 1e9 / permitsPerSecond : 0;
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
    this.nextFreeNanos = nanoTime.getAsLong();
  }

  /** Waits until the permits taken so far are paid for. */
  void awaitTurn() throws InterruptedException {
    if (nanosPerPermit == 0) {
      return;
    }
    long now = nanoTime.getAsLong();
    // After a stall, allow at most one second of catching up.
    nextFreeNanos = Math.max(nextFreeNanos, now - 1_000_000_000L);
    long wait = nextFreeNanos - now;
    if (wait > 0) {
      sleeper.sleepNanos(wait);
    }
  }

  /** Takes {@code permits}: the next turn comes that much later. */
  void take(int permits) {
    nextFreeNanos += (long) (permits * nanosPerPermit);
  }
}
