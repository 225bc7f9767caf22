package io.llmtraces.evaluation;

import io.llmtraces.demo.Expectation;
import io.llmtraces.demo.LabelledFault;
import io.llmtraces.evaluation.EvaluationReport.FlagRateResult;
import io.llmtraces.evaluation.EvaluationReport.ScenarioResult;
import io.llmtraces.evaluation.EvaluationReport.TypeResult;
import io.llmtraces.model.AnomalyType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Span level: precision and recall per anomaly type, recall per scenario and magnitude, and how
 * often the spans that must not be flagged were.
 *
 * <p>A span flagged with a type is a true positive when one of its faults expects that type, a
 * false positive otherwise, unless one of its faults is not scored (a new key's first samples,
 * slight drift): then the flag is not counted. Natural faults are labelled like injected ones, so a
 * flagged timeout counts for SPAN_ERROR and SPAN_RESPONSE_TIME.
 */
final class SpanMetrics {
  private SpanMetrics() {}

  /** Counts per span-level type; TRACE_RESPONSE_TIME is a trace-level type and has none. */
  static Map<AnomalyType, Counts> byType(List<JudgedSpan> spans) {
    Map<AnomalyType, Counts> out = new EnumMap<>(AnomalyType.class);
    for (AnomalyType type : spanTypes()) {
      long tp = 0;
      long fp = 0;
      long fn = 0;
      for (JudgedSpan s : spans) {
        boolean expected = s.expected().contains(type);
        boolean flagged = s.flagged(type);
        if (expected && flagged) {
          tp++;
        } else if (expected) {
          fn++;
        } else if (flagged && !s.exempt()) {
          fp++;
        }
      }
      out.put(type, new Counts(tp, fp, fn));
    }
    return out;
  }

  static List<AnomalyType> spanTypes() {
    return List.of(
        AnomalyType.SPAN_RESPONSE_TIME,
        AnomalyType.SPAN_ERROR,
        AnomalyType.SPAN_NO_PROMPT_RESPONSE);
  }

  static List<TypeResult> typeResults(Map<AnomalyType, Counts> byType) {
    List<TypeResult> out = new ArrayList<>();
    byType.forEach((type, c) -> out.add(new TypeResult(type, c, c.precision(), c.recall())));
    return out;
  }

  /** One row per scenario, magnitude and expected type of the labelled anomalies. */
  static List<ScenarioResult> scenarios(
      List<JudgedSpan> spans, Map<AnomalyType, Counts> byType, TableRows rows) {
    record Key(String scenario, String magnitude, AnomalyType type) {}
    class Tally {
      long spans;
      long flagged;
      final Set<String> traces = new HashSet<>();
      final Set<String> flaggedTraces = new HashSet<>();
    }
    Map<Key, Tally> tallies = new LinkedHashMap<>();
    for (JudgedSpan s : spans) {
      for (LabelledFault f : s.faults()) {
        for (AnomalyType type : f.expected()) {
          Tally t =
              tallies.computeIfAbsent(new Key(f.scenario(), magnitude(f), type), k -> new Tally());
          t.spans++;
          t.flagged += s.flagged(type) ? 1 : 0;
          String trace = TableRows.traceKey(s.trace().project(), s.trace().traceId());
          t.traces.add(trace);
          TraceRow row = rows.trace(s.trace().project(), s.trace().traceId());
          if (row != null && row.anomalous()) {
            t.flaggedTraces.add(trace);
          }
        }
      }
    }
    List<ScenarioResult> out = new ArrayList<>();
    tallies.forEach(
        (k, t) -> {
          Double recall = Counts.ratio(t.flagged, t.spans);
          out.add(
              new ScenarioResult(
                  k.scenario(),
                  k.magnitude(),
                  k.type(),
                  t.spans,
                  t.flagged,
                  recall,
                  Counts.precisionAtPrevalence(recall, byType.get(k.type())),
                  t.traces.size(),
                  t.flaggedTraces.size(),
                  Counts.ratio(t.flaggedTraces.size(), t.traces.size())));
        });
    out.sort(
        Comparator.comparing(ScenarioResult::scenario)
            .thenComparingDouble(r -> order(r.magnitude()))
            .thenComparing(ScenarioResult::type));
    return out;
  }

  /**
   * One row per scenario and magnitude of spans labelled NORMAL or UNSCORED and not anomalous for
   * another reason.
   */
  static List<FlagRateResult> flagRates(List<JudgedSpan> spans) {
    record Key(String scenario, String magnitude, Expectation expectation) {}
    Map<Key, long[]> counts = new LinkedHashMap<>();
    Map<Key, Map<AnomalyType, Long>> byType = new LinkedHashMap<>();
    for (JudgedSpan s : spans) {
      if (s.anomaly()) {
        continue; // an error on an upgraded model's span is an error, not a sample of the model
      }
      for (LabelledFault f : s.faults()) {
        Key k = new Key(f.scenario(), magnitude(f), f.expectation());
        long[] c = counts.computeIfAbsent(k, x -> new long[2]);
        Map<AnomalyType, Long> types =
            byType.computeIfAbsent(k, x -> new EnumMap<>(AnomalyType.class));
        c[0]++;
        if (s.flagged()) {
          c[1]++;
          s.row().types().forEach(type -> types.merge(type, 1L, Long::sum));
        }
      }
    }
    List<FlagRateResult> out = new ArrayList<>();
    counts.forEach(
        (k, c) ->
            out.add(
                new FlagRateResult(
                    k.scenario(),
                    k.magnitude(),
                    k.expectation(),
                    c[0],
                    c[1],
                    Counts.ratio(c[1], c[0]),
                    byType.get(k))));
    out.sort(
        Comparator.comparing(FlagRateResult::scenario)
            .thenComparingDouble(r -> order(r.magnitude())));
    return out;
  }

  /**
   * The magnitude column: the factor of a spike or shift, a half-step bucket of drift, first or
   * later samples of a new key, empty when a fault has no size.
   */
  static String magnitude(LabelledFault f) {
    return switch (f.type()) {
      case SPIKE, WARMUP_SPIKE, LEVEL_SHIFT -> "x" + number(f.magnitude());
      case DRIFT -> {
        double low = Math.floor(f.magnitude() * 2) / 2;
        yield "x" + number(low) + "-" + number(low + 0.5);
      }
      case MODEL_UPGRADE, NEW_MODEL ->
          f.expectation() == Expectation.UNSCORED ? "first samples" : "later samples";
      default -> "";
    };
  }

  /** The factor a magnitude label starts with, for sorting; labels without one sort first. */
  static double order(String magnitude) {
    if (!magnitude.startsWith("x")) {
      return magnitude.startsWith("later") ? 1 : 0;
    }
    String digits = magnitude.substring(1).split("-")[0];
    return Double.parseDouble(digits);
  }

  static String number(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
  }
}
