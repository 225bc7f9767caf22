package io.llmtraces.evaluation;

import io.llmtraces.demo.AnomalyInjector;
import io.llmtraces.demo.DemoTraffic;
import io.llmtraces.demo.DemoTrafficConfig;
import io.llmtraces.demo.GeneratedTrace;
import io.llmtraces.demo.GroundTruth;
import io.llmtraces.demo.LabelledScenario;
import io.llmtraces.ingest.SpanNormalizer;
import io.llmtraces.model.AnomalyType;
import io.llmtraces.model.NormalizedSpan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A labelled run generated in memory, with the spans the job would write, and table rows as a
 * made-up detector would fill them.
 */
final class GeneratedRun {
  static final long START = DemoTrafficConfig.DEFAULT_START_MICROS;

  final List<GroundTruth> truth = new ArrayList<>();
  final List<NormalizedSpan> spans = new ArrayList<>();

  /** The default schedule squeezed into {@code minutes}. */
  GeneratedRun(long minutes, long seed) {
    LabelledScenario scenario = LabelledScenario.defaults().scaledTo(Duration.ofMinutes(minutes));
    DemoTraffic traffic =
        new DemoTraffic(
            DemoTrafficConfig.defaults(seed).withClock(START, scenario.tracesPerSecond()),
            new AnomalyInjector(scenario, START));
    SpanNormalizer normalizer = new SpanNormalizer();
    long end = START + scenario.length().toMillis() * 1000;
    for (GeneratedTrace t = traffic.next(); t.startMicros() < end; t = traffic.next()) {
      truth.add(GroundTruth.of(t, scenario));
      t.requests().forEach(r -> normalizer.normalize(r, spans::add));
    }
  }

  /**
   * The rows a detector writes that flags each span with {@code flags} (empty: not anomalous); a
   * trace is flagged with its spans' types, and TRACE_RESPONSE_TIME when a span is slow.
   */
  TableRows rows(Function<NormalizedSpan, Set<AnomalyType>> flags) {
    List<SpanRow> spanRows = new ArrayList<>();
    List<TraceRow> traceRows = new ArrayList<>();
    Map<String, Set<AnomalyType>> byTrace = new HashMap<>();
    for (NormalizedSpan s : spans) {
      Set<AnomalyType> types = flags.apply(s);
      spanRows.add(
          new SpanRow(
              s.project(),
              s.traceId(),
              s.spanId(),
              s.model(),
              true,
              !types.isEmpty(),
              types,
              null,
              null));
      byTrace
          .computeIfAbsent(
              TableRows.traceKey(s.project(), s.traceId()), k -> EnumSet.noneOf(AnomalyType.class))
          .addAll(types);
    }
    for (GroundTruth t : truth) {
      Set<AnomalyType> types = byTrace.get(TableRows.traceKey(t.project(), t.traceId()));
      if (types.contains(AnomalyType.SPAN_RESPONSE_TIME)) {
        types.add(AnomalyType.TRACE_RESPONSE_TIME); // a slow span makes its trace slow here
      }
      traceRows.add(
          new TraceRow(t.project(), t.traceId(), 1, t.spanCount(), true, !types.isEmpty(), types));
    }
    return new TableRows(traceRows, spanRows);
  }

  /** What a detector that knows the ground truth flags: exactly the expected types. */
  Function<NormalizedSpan, Set<AnomalyType>> perfect() {
    Map<String, Set<AnomalyType>> expected = new HashMap<>();
    for (GroundTruth t : truth) {
      t.faults()
          .forEach(
              f ->
                  expected
                      .computeIfAbsent(
                          t.traceId() + f.spanId(), k -> EnumSet.noneOf(AnomalyType.class))
                      .addAll(f.expected()));
    }
    return s -> expected.getOrDefault(s.traceId() + s.spanId(), Set.of());
  }
}
