package io.llmtraces.trace;

/** Says when a trace that is collecting spans is complete. */
public final class CompletionPolicy {
  private final long quietGapMs;
  private final long maxOpenMs;

  public CompletionPolicy(AssemblyOptions options) {
    this.quietGapMs = options.quietGap().toMillis();
    this.maxOpenMs = options.maxOpen().toMillis();
  }

  /**
   * The event time at which the trace closes: a quiet gap after the latest span once the root has
   * ended, and in any case the maximum open time after the first span (a root may never come:
   * SDKs drop decorated spans whose function raised).
   */
  public long closeAt(TraceProgress progress) {
    long hardLimit = progress.firstArrival() + maxOpenMs;
    if (!progress.rootSeen()) {
      return hardLimit;
    }
    return Math.min(progress.lastArrival() + quietGapMs, hardLimit);
  }
}
