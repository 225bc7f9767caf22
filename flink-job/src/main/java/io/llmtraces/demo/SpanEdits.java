package io.llmtraces.demo;

import io.llmtraces.model.SpanKind;
import java.util.random.RandomGenerator;

/** The changes injected anomalies make to one planned span, keeping its timing consistent. */
final class SpanEdits {
  /** Share of injected failures the application retries, as for natural ones. */
  private static final double RETRY_SHARE = NaturalFaults.RETRY_SHARE;

  /** A slowed model call stays under this share of its client timeout: else it would time out. */
  private static final double TIMEOUT_MARGIN = 0.95;

  private SpanEdits() {}

  /** True when a fault was already recorded on {@code span}. */
  static boolean faulted(TracePlan plan, SpanPlan span) {
    String id = span.spanIdHex();
    for (Fault f : plan.faults()) {
      if (f.spanIdHex().equals(id)) {
        return true;
      }
    }
    return false;
  }

  /** A span an anomaly may still be put on: exported, not failed, no fault recorded on it. */
  static boolean untouched(TracePlan plan, SpanPlan span) {
    return span.exported() && !span.error() && !faulted(plan, span);
  }

  /** A chat call whose prompt and answer are captured. */
  static boolean capturedChat(SpanPlan span) {
    return span.kind() == SpanKind.LLM && span.service().captureContent();
  }

  /** The longest a model call may take without hitting its client's timeout. */
  static long maxMicros(SpanPlan span) {
    return span.isModelCall()
        ? (long) (span.service().clientTimeoutMs() * 1000 * TIMEOUT_MARGIN)
        : Long.MAX_VALUE;
  }

  /** Multiplies the span's own time: a leaf's duration, a parent's time after its children. */
  static void scaleOwnTime(SpanPlan span, double factor) {
    if (span.isLeaf()) {
      setOwnTime(span, (long) (span.durationMicros() * factor));
    } else {
      span.setTailMicros((long) (span.tailMicros() * factor));
    }
  }

  /**
   * Sets the span's own time; a streamed call's first token moves in proportion. A model call is
   * capped below its client timeout.
   */
  static void setOwnTime(SpanPlan span, long micros) {
    if (!span.isLeaf()) {
      span.setTailMicros(Math.max(1, micros));
      return;
    }
    long capped = Math.max(1, Math.min(micros, maxMicros(span)));
    long before = Math.max(1, span.durationMicros());
    span.setTtftMicros((long) (span.ttftMicros() * ((double) capped / before)));
    span.setDurationMicros(capped);
  }

  /** Makes a chat call answer nothing: empty completion, zero output tokens, quicker. */
  static void empty(SpanPlan span, LatencyModel latency, RandomGenerator rng) {
    span.setTokens(span.inputTokens(), 0);
    span.setOutput("");
    span.setFinishReason("stop");
    latency.timeModelCall(span, rng);
  }

  /**
   * Fails the call as its client library would, and sometimes adds the application's retry after a
   * back-off (the retry succeeds). Returns the exception type.
   */
  static String fail(TracePlan plan, SpanPlan span, LatencyModel latency, RandomGenerator rng) {
    NaturalFaults.Failure failure = NaturalFaults.failureFor(span, rng);
    span.fail(failure.type(), failure.message());
    if (rng.nextDouble() < RETRY_SHARE) {
      SpanPlan retry = plan.addRetry(span);
      latency.time(retry, rng);
      retry.setGapBeforeMicros(LatencyModel.lognormalMicros(500, 0.6, rng));
    }
    return failure.type();
  }
}
