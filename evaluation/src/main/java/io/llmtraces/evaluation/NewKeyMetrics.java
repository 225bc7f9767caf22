package io.llmtraces.evaluation;

import io.llmtraces.demo.Expectation;
import io.llmtraces.demo.FaultType;
import io.llmtraces.demo.GroundTruth;
import io.llmtraces.demo.LabelledFault;
import io.llmtraces.evaluation.EvaluationReport.NewKeyResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A new model key (an upgrade or a brand-new model): alerts among its first samples, and how long
 * until its flag rate fell under 1 %, counted on its spans and on the traces using it.
 *
 * <p>Only clean samples count: spans (and traces) that carry no other anomaly. A sample is flagged
 * when its row is anomalous with any type. Adapted means: the first sample from which the next
 * {@link #ADAPTATION_WINDOW} clean samples hold under 1 % flags; the measure is the number of clean
 * samples before it and the simulated minutes from the key's first sample to it.
 */
final class NewKeyMetrics {
  /** The first samples of a new key that "no flood" looks at. */
  static final int FIRST_SAMPLES = 50;

  /** Samples over which a flag rate under 1 % is judged. */
  static final int ADAPTATION_WINDOW = 200;

  private NewKeyMetrics() {}

  /** The key of {@code type} ({@code MODEL_UPGRADE} or {@code NEW_MODEL}); null when absent. */
  static NewKeyResult of(FaultType type, List<JudgedSpan> spans, TableRows rows) {
    record Sample(double number, JudgedSpan span, LabelledFault fault) {}
    List<Sample> samples = new ArrayList<>();
    for (JudgedSpan s : spans) {
      for (LabelledFault f : s.faults()) {
        if (f.type() == type && s.row() != null && !s.anomaly()) {
          samples.add(new Sample(f.magnitude(), s, f));
        }
      }
    }
    if (samples.isEmpty()) {
      return null;
    }
    samples.sort(Comparator.comparingDouble(Sample::number));
    long firstSamples = samples.stream().filter(x -> x.number() <= FIRST_SAMPLES).count();
    long firstAlerts =
        samples.stream().filter(x -> x.number() <= FIRST_SAMPLES && x.span().flagged()).count();
    List<Sample> later =
        samples.stream().filter(x -> x.fault().expectation() == Expectation.NORMAL).toList();
    long laterFlagged = later.stream().filter(x -> x.span().flagged()).count();

    List<Long> starts = samples.stream().map(x -> x.span().trace().startMicros()).toList();
    List<Boolean> flags = samples.stream().map(x -> x.span().flagged()).toList();
    Integer adapted = adaptedAt(flags);

    // The traces using the key, once each, in time order, without other anomalies.
    Map<String, GroundTruth> traces = new LinkedHashMap<>();
    samples.stream()
        .map(x -> x.span().trace())
        .sorted(Comparator.comparingLong(GroundTruth::startMicros))
        .forEach(t -> traces.putIfAbsent(TableRows.traceKey(t.project(), t.traceId()), t));
    List<Long> traceStarts = new ArrayList<>();
    List<Boolean> traceFlags = new ArrayList<>();
    for (GroundTruth t : traces.values()) {
      TraceRow row = rows.trace(t.project(), t.traceId());
      if (row != null
          && t.faults().stream().noneMatch(f -> f.expectation() == Expectation.ANOMALY)) {
        traceStarts.add(t.startMicros());
        traceFlags.add(row.anomalous());
      }
    }
    Integer traceAdapted = adaptedAt(traceFlags);
    String model = samples.get(0).span().row().model();
    return new NewKeyResult(
        samples.get(0).fault().scenario(),
        model,
        samples.size(),
        FIRST_SAMPLES,
        firstSamples,
        firstAlerts,
        adapted == null ? null : (long) adapted,
        minutes(starts, adapted),
        Counts.ratio(laterFlagged, later.size()),
        traceAdapted == null ? null : (long) traceAdapted,
        minutes(traceStarts, traceAdapted));
  }

  /** The first index from which the next window holds under 1 % flags; null when none does. */
  static Integer adaptedAt(List<Boolean> flags) {
    int window = ADAPTATION_WINDOW;
    if (flags.size() < window) {
      return null;
    }
    int inWindow = 0;
    for (int i = 0; i < window; i++) {
      inWindow += flags.get(i) ? 1 : 0;
    }
    for (int i = 0; ; i++) {
      if (inWindow < 0.01 * window) {
        return i;
      }
      if (i + window >= flags.size()) {
        return null;
      }
      inWindow += (flags.get(i + window) ? 1 : 0) - (flags.get(i) ? 1 : 0);
    }
  }

  private static Double minutes(List<Long> starts, Integer index) {
    return index == null ? null : (starts.get(index) - starts.get(0)) / 60e6;
  }
}
