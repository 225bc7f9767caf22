package io.llmtraces.demo;

import io.llmtraces.demo.LabelledScenario.ModelChange;
import io.llmtraces.demo.LabelledScenario.Spikes;
import io.llmtraces.model.SpanKind;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The labelled mode's {@link TraceMutator}: puts the anomalies of a {@link LabelledScenario} into
 * the traces of a run and records each one on its span ({@link TracePlan#record}), so the generated
 * traces carry their own ground truth.
 *
 * <p>A span gets at most one injected anomaly: key-wide changes (model changes, shift, drift,
 * bursts) come first, then the point anomalies pick among spans nothing touched yet. Errors that
 * natural faults spread to a failed call's ancestors are labelled too, so every error in a trace is
 * in its ground truth.
 *
 * <p>Not thread-safe, like {@link DemoTraffic}: it counts the samples of new models across traces.
 */
public final class AnomalyInjector implements TraceMutator {
  /** Tools quicker than this are not spiked: ten times a few milliseconds is no incident. */
  static final double MIN_SPIKED_TOOL_MEDIAN_MS = 20;

  private final LabelledScenario scenario;
  private final long runStartMicros;
  private int upgradeSamples;
  private int newModelSamples;

  /** An injector for a run whose simulated time starts at {@code runStartMicros}. */
  public AnomalyInjector(LabelledScenario scenario, long runStartMicros) {
    this.scenario = scenario;
    this.runStartMicros = runStartMicros;
  }

  @Override
  public void mutate(
      TracePlan plan, long traceStartMicros, LatencyModel latency, RandomGenerator rng) {
    long atMs = (traceStartMicros - runStartMicros) / 1000;
    if (atMs < 0) {
      return;
    }
    // Model changes are meant to last: they stay in force in the unlabelled tail.
    upgradeSamples =
        changeModel(
            plan, scenario.upgrade(), FaultType.MODEL_UPGRADE, upgradeSamples, atMs, latency, rng);
    newModelSamples =
        changeModel(
            plan, scenario.newModel(), FaultType.NEW_MODEL, newModelSamples, atMs, latency, rng);
    if (atMs < scenario.length().toMillis()) {
      shift(plan, atMs);
      drift(plan, atMs);
      burst(plan, atMs, latency, rng);
      boolean warmup = atMs < scenario.warmup().toMillis();
      spike(
          plan,
          warmup ? scenario.warmupSpikes() : scenario.spikes(),
          warmup ? FaultType.WARMUP_SPIKE : FaultType.SPIKE,
          latency,
          rng);
      emptyResponse(plan, latency, rng);
      streamWithoutUsage(plan, rng);
    }
    labelSpreadErrors(plan);
  }

  private static int changeModel(
      TracePlan plan,
      ModelChange change,
      FaultType type,
      int samples,
      long atMs,
      LatencyModel latency,
      RandomGenerator rng) {
    if (atMs < change.at().toMillis()) {
      return samples;
    }
    String detail = change.key().model() + " -> " + change.model().name();
    for (SpanPlan span : plan.spans()) {
      if (!change.key().matches(span) || !span.exported()) {
        continue;
      }
      if (change.share() < 1 && rng.nextDouble() >= change.share()) {
        continue;
      }
      boolean faulted = SpanEdits.faulted(plan, span) || span.error();
      span.setModel(change.model());
      if (!faulted) {
        // A failed or timed-out call keeps its time: the fault decided it, not the model.
        latency.timeModelCall(span, rng);
      }
      plan.record(new Fault(type, span.spanIdHex(), true, ++samples, detail));
    }
    return samples;
  }

  private void shift(TracePlan plan, long atMs) {
    LabelledScenario.Shift shift = scenario.shift();
    if (atMs < shift.start().toMillis() || atMs >= shift.end().toMillis()) {
      return;
    }
    for (SpanPlan span : plan.spans()) {
      if (shift.key().matches(span) && SpanEdits.untouched(plan, span)) {
        SpanEdits.scaleOwnTime(span, shift.factor());
        plan.record(
            new Fault(
                FaultType.LEVEL_SHIFT,
                span.spanIdHex(),
                true,
                shift.factor(),
                shift.key().toString()));
      }
    }
  }

  private void drift(TracePlan plan, long atMs) {
    LabelledScenario.Drift drift = scenario.drift();
    long start = drift.start().toMillis();
    if (atMs < start) {
      return;
    }
    double progress = Math.min(1, (double) (atMs - start) / (drift.end().toMillis() - start));
    double factor = 1 + (drift.finalFactor() - 1) * progress;
    for (SpanPlan span : plan.spans()) {
      if (drift.key().matches(span) && SpanEdits.untouched(plan, span)) {
        SpanEdits.scaleOwnTime(span, factor);
        plan.record(
            new Fault(FaultType.DRIFT, span.spanIdHex(), true, factor, drift.key().toString()));
      }
    }
  }

  private void burst(TracePlan plan, long atMs, LatencyModel latency, RandomGenerator rng) {
    LabelledScenario.Bursts bursts = scenario.bursts();
    long sinceFirst = atMs - bursts.first().toMillis();
    if (sinceFirst < 0 || bursts.keys().isEmpty()) {
      return;
    }
    long every = bursts.every().toMillis();
    long index = sinceFirst / every;
    if (sinceFirst - index * every >= bursts.length().toMillis()) {
      return;
    }
    SpanKey key = bursts.keys().get((int) (index % bursts.keys().size()));
    for (SpanPlan span : plan.spans()) {
      if (key.matches(span)
          && SpanEdits.untouched(plan, span)
          && rng.nextDouble() < bursts.failureShare()) {
        String type = SpanEdits.fail(plan, span, latency, rng);
        plan.record(new Fault(FaultType.ERROR_BURST, span.spanIdHex(), true, 1, key + ": " + type));
      }
    }
  }

  private static void spike(
      TracePlan plan, Spikes spikes, FaultType type, LatencyModel latency, RandomGenerator rng) {
    if (spikes.magnitudes().isEmpty() || rng.nextDouble() >= spikes.rate()) {
      return;
    }
    double magnitude = spikes.magnitudes().get(rng.nextInt(spikes.magnitudes().size()));
    List<SpanPlan> candidates = new ArrayList<>();
    for (SpanPlan span : plan.spans()) {
      if (spikeable(span)
          && SpanEdits.untouched(plan, span)
          && magnitude * latency.p99BoundMs(span) * 1000 <= SpanEdits.maxMicros(span)) {
        candidates.add(span);
      }
    }
    if (candidates.isEmpty()) {
      return;
    }
    SpanPlan span = candidates.get(rng.nextInt(candidates.size()));
    double p99Ms = latency.p99BoundMs(span);
    long before = span.isLeaf() ? span.durationMicros() : span.tailMicros();
    SpanEdits.setOwnTime(span, (long) (magnitude * p99Ms * 1000));
    String detail =
        String.format(
            "%s: %.0f ms, x%.1f of its drawn %.0f ms (p99 bound %.0f ms)",
            span.entityName(),
            magnitude * p99Ms,
            magnitude * p99Ms * 1000 / before,
            before / 1000.0,
            p99Ms);
    plan.record(new Fault(type, span.spanIdHex(), true, magnitude, detail));
  }

  /** Chat calls, tools that take a while, and retrievers: what spikes are put on. */
  static boolean spikeable(SpanPlan span) {
    return span.kind() == SpanKind.LLM
        || span.kind() == SpanKind.RETRIEVER
        || (span.kind() == SpanKind.TOOL && span.workMedianMs() >= MIN_SPIKED_TOOL_MEDIAN_MS);
  }

  private void emptyResponse(TracePlan plan, LatencyModel latency, RandomGenerator rng) {
    if (rng.nextDouble() >= scenario.emptyResponseRate()) {
      return;
    }
    SpanPlan span = pick(plan, rng);
    if (span != null) {
      SpanEdits.empty(span, latency, rng);
      plan.record(
          new Fault(FaultType.EMPTY_RESPONSE, span.spanIdHex(), true, 1, span.model().name()));
    }
  }

  private void streamWithoutUsage(TracePlan plan, RandomGenerator rng) {
    if (rng.nextDouble() >= scenario.streamWithoutUsageRate()) {
      return;
    }
    SpanPlan span = pick(plan, rng);
    if (span != null) {
      span.setStreaming(true);
      span.setUsageReported(false);
      plan.record(
          new Fault(
              FaultType.STREAM_WITHOUT_USAGE, span.spanIdHex(), true, 1, span.model().name()));
    }
  }

  /** A random untouched chat call with a captured, non-empty answer; null when there is none. */
  private static SpanPlan pick(TracePlan plan, RandomGenerator rng) {
    List<SpanPlan> candidates = new ArrayList<>();
    for (SpanPlan span : plan.spans()) {
      if (SpanEdits.capturedChat(span)
          && SpanEdits.untouched(plan, span)
          && span.outputTokens() > 0
          && span.output() != null
          && !span.output().isEmpty()) {
        candidates.add(span);
      }
    }
    return candidates.isEmpty() ? null : candidates.get(rng.nextInt(candidates.size()));
  }

  /** Natural failures mark the ancestors an exception passed through: label those errors too. */
  private static void labelSpreadErrors(TracePlan plan) {
    for (SpanPlan span : plan.spans()) {
      if (span.error() && span.exported() && !SpanEdits.faulted(plan, span)) {
        plan.record(
            new Fault(FaultType.ERROR, span.spanIdHex(), false, 1, "spread: " + span.errorType()));
      }
    }
  }
}
