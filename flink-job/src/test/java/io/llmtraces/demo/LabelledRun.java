package io.llmtraces.demo;

import io.llmtraces.demo.LabelledScenario.Bursts;
import io.llmtraces.demo.LabelledScenario.Drift;
import io.llmtraces.demo.LabelledScenario.ModelChange;
import io.llmtraces.demo.LabelledScenario.Shift;
import io.llmtraces.ingest.SpanNormalizer;
import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.model.SpanKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** A labelled run generated in memory for tests: traces, their plans, truth and spans as read. */
final class LabelledRun {
  static final long START = DemoTrafficConfig.DEFAULT_START_MICROS;

  /**
   * One trace: what was generated, its plan after injection, its truth, its spans as normalized.
   */
  record Item(
      GeneratedTrace trace, TracePlan plan, GroundTruth truth, Map<String, NormalizedSpan> spans) {
    double minute() {
      return (trace.startMicros() - START) / 60e6;
    }

    List<LabelledFault> faults(FaultType type) {
      return truth.faults().stream().filter(f -> f.type() == type).toList();
    }
  }

  final LabelledScenario scenario;
  final List<Item> items = new ArrayList<>();
  final LatencyModel latency = new LatencyModel();

  /** The labelled part of a run of {@code scenario} with {@code seed}. */
  LabelledRun(LabelledScenario scenario, long seed) {
    this.scenario = scenario;
    AnomalyInjector injector = new AnomalyInjector(scenario, START);
    Map<String, TracePlan> plans = new HashMap<>();
    TraceMutator capturing =
        (plan, start, latency, rng) -> {
          injector.mutate(plan, start, latency, rng);
          plans.put(plan.traceIdHex(), plan);
        };
    DemoTraffic traffic =
        new DemoTraffic(
            DemoTrafficConfig.defaults(seed).withClock(START, scenario.tracesPerSecond()),
            capturing);
    SpanNormalizer normalizer = new SpanNormalizer();
    long end = START + scenario.length().toMillis() * 1000;
    for (GeneratedTrace t = traffic.next(); t.startMicros() < end; t = traffic.next()) {
      Map<String, NormalizedSpan> spans = new HashMap<>();
      for (var request : t.requests()) {
        normalizer.normalize(request, s -> spans.put(s.spanId(), s));
      }
      items.add(new Item(t, plans.remove(t.traceIdHex()), GroundTruth.of(t, scenario), spans));
    }
  }

  /** Every span plan of the run by identity, with the item it belongs to. */
  Map<SpanPlan, Item> planned() {
    Map<SpanPlan, Item> out = new IdentityHashMap<>();
    for (Item item : items) {
      for (SpanPlan span : item.plan().spans()) {
        out.put(span, item);
      }
    }
    return out;
  }

  /** The default schedule squeezed into {@code minutes}. */
  static LabelledScenario defaultsIn(long minutes) {
    return LabelledScenario.defaults().scaledTo(Duration.ofMinutes(minutes));
  }

  /** Only the point anomalies of the default schedule: no key is shifted, drifted or changed. */
  static LabelledScenario pointsOnly(long minutes) {
    LabelledScenario d = defaultsIn(minutes);
    SpanKey nowhere = new SpanKey("no-such-service", SpanKind.LLM, null, null);
    Duration never = Duration.ofDays(1);
    return new LabelledScenario(
        d.length(),
        d.tracesPerSecond(),
        d.tail(),
        d.warmup(),
        d.warmupSpikes(),
        d.spikes(),
        d.emptyResponseRate(),
        d.streamWithoutUsageRate(),
        new Shift(nowhere, never, never, 3),
        new Drift(nowhere, never, never.plusMinutes(1), 2, 1.5),
        new Bursts(List.of(), never, never, Duration.ofMinutes(1), 0.5),
        new ModelChange(nowhere, never, d.upgrade().model(), 1),
        new ModelChange(nowhere, never, d.newModel().model(), 1),
        d.newKeyAllowance());
  }
}
