package io.llmtraces.evaluation;

import io.llmtraces.evaluation.EvaluationReport.Coverage;
import io.llmtraces.evaluation.EvaluationReport.FlagRateResult;
import io.llmtraces.evaluation.EvaluationReport.NewKeyResult;
import io.llmtraces.evaluation.EvaluationReport.ScenarioResult;
import io.llmtraces.evaluation.EvaluationReport.ShiftResult;
import io.llmtraces.evaluation.EvaluationReport.TargetResult;
import io.llmtraces.evaluation.EvaluationReport.TraceResult;
import io.llmtraces.evaluation.EvaluationReport.TypeResult;
import io.llmtraces.model.AnomalyType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders an {@link EvaluationReport} as markdown: the tables {@code docs/anomaly-detection.md}
 * explains.
 */
public final class MarkdownReport {
  private final StringBuilder md = new StringBuilder(8192);

  private MarkdownReport() {}

  /** The report; {@code header} lines (how the run was made) go under the title. */
  public static String render(EvaluationReport r, List<String> header) {
    MarkdownReport m = new MarkdownReport();
    m.line("# Labelled evaluation of the anomaly detector").line("");
    header.forEach(h -> m.line(h));
    m.coverage(r.coverage());
    m.targets(r.targets());
    m.types(r.spanTypes());
    m.scenarios(r.scenarios());
    m.flagRates(r.flagRates());
    m.traces(r.traces());
    m.newKeys(r.newKeys());
    m.shift(r.shift());
    return m.md.toString();
  }

  private void coverage(Coverage c) {
    section("Coverage");
    line(
        "- traces in the ground truth: %d, not in the tables: %d",
        c.truthTraces(), c.missingTraces());
    if (c.tracesInPieces() > 0) {
      line(
          "- traces the job wrote in pieces (two rows of one version, or spans missing from the"
              + " latest row): %d",
          c.tracesInPieces());
    }
    line("- labelled spans: %d, not in the tables: %d", c.labelledSpans(), c.missingSpans());
    line(
        "- spans judged (every span of a labelled trace): %d, without anomaly columns: %d",
        c.judgedSpans(), c.unscoredSpans());
    line("- traces without anomaly columns: %d", c.unscoredTraces());
    if (c.nothingScored()) {
      line("")
          .line(
              "**The anomaly columns are null on every span: the job did not score anything, so"
                  + " nothing below was found.**");
    }
  }

  private void targets(List<TargetResult> targets) {
    section("Targets");
    line("| target | measure | value | bound | met |").line("|---|---|---|---|---|");
    for (TargetResult t : targets) {
      line(
          "| %s | %s | %s | %s | %s |",
          t.target(),
          t.measure(),
          value(t),
          t.bound(),
          t.met() == null ? "–" : t.met() ? "yes" : "**no**");
    }
  }

  private void types(List<TypeResult> types) {
    section("Span level, per anomaly type");
    line("| type | labelled | flagged and labelled | false alarms | missed | precision | recall |");
    line("|---|---|---|---|---|---|---|");
    for (TypeResult t : types) {
      line(
          "| %s | %d | %d | %d | %d | %s | %s |",
          t.type(),
          t.counts().positives(),
          t.counts().tp(),
          t.counts().fp(),
          t.counts().fn(),
          ratio(t.precision()),
          ratio(t.recall()));
    }
  }

  private void scenarios(List<ScenarioResult> rows) {
    section("Labelled anomalies, per scenario and magnitude");
    line("Precision is at the type's prevalence (see docs/anomaly-detection.md).").line("");
    line(
        "| scenario | magnitude | expected type | spans | span recall | precision | traces | trace"
            + " recall |");
    line("|---|---|---|---|---|---|---|---|");
    for (ScenarioResult s : rows) {
      line(
          "| %s | %s | %s | %d | %s | %s | %d | %s |",
          s.scenario(),
          s.magnitude(),
          s.type(),
          s.spans(),
          ratio(s.recall()),
          ratio(s.precision()),
          s.traces(),
          ratio(s.traceRecall()));
    }
  }

  private void flagRates(List<FlagRateResult> rows) {
    section("Spans that must not be flagged (NORMAL) or are not scored (UNSCORED)");
    line("| scenario | magnitude | label | spans | flagged | flag rate | flags by type |");
    line("|---|---|---|---|---|---|---|");
    for (FlagRateResult f : rows) {
      line(
          "| %s | %s | %s | %d | %d | %s | %s |",
          f.scenario(),
          f.magnitude(),
          f.expectation(),
          f.spans(),
          f.flagged(),
          percent(f.flagRate()),
          byType(f.byType()));
    }
  }

  private void traces(TraceResult t) {
    section("Trace level");
    line(
        "- anomalous traces flagged (recall): %s; flagged traces that are anomalous (precision):"
            + " %s",
        ratio(t.recall()), ratio(t.precision()));
    line(
        "- normal traces (no fault at all): %d, flagged: %d, false-positive rate: %s",
        t.normalTraces(), t.flaggedNormal(), percent(t.falsePositiveRate()));
    line("")
        .line(
            "| type in traces.anomaly_types | expected | flagged and expected | false alarms |"
                + " precision | recall |");
    line("|---|---|---|---|---|---|");
    t.byType()
        .forEach(
            (type, c) ->
                line(
                    "| %s | %d | %d | %d | %s | %s |",
                    type, c.positives(), c.tp(), c.fp(), ratio(c.precision()), ratio(c.recall())));
  }

  private void newKeys(List<NewKeyResult> keys) {
    section("New model keys");
    line(
        "| scenario | model | clean samples | alerts in first 50 | adapted after samples | after"
            + " minutes | flag rate after 50 | traces: adapted after | after minutes |");
    line("|---|---|---|---|---|---|---|---|---|");
    for (NewKeyResult k : keys) {
      line(
          "| %s | %s | %d | %d of %d | %s | %s | %s | %s | %s |",
          k.scenario(),
          k.model(),
          k.samples(),
          k.firstAlerts(),
          k.firstSamples(),
          count(k.adaptedAfterSamples()),
          minutes(k.adaptedAfterMinutes()),
          percent(k.laterFlagRate()),
          count(k.traceAdaptedAfterSamples()),
          minutes(k.traceAdaptedAfterMinutes()));
    }
  }

  private void shift(ShiftResult s) {
    section("Fault shift");
    if (s == null) {
      line("No shift in this run.");
      return;
    }
    line("- shifted spans: %d", s.samples());
    line(
        "- detection delay: %s simulated seconds, %s shifted spans before the first flag",
        s.detectionDelaySeconds() == null
            ? "never detected"
            : String.format(Locale.ROOT, "%.0f", s.detectionDelaySeconds()),
        count(s.samplesBeforeDetection()));
    line(
        "- recall over the first half of the shift: %s, over the second half: %s",
        ratio(s.recallFirstHalf()), ratio(s.recallSecondHalf()));
  }

  private void section(String title) {
    line("").line("## " + title).line("");
  }

  private MarkdownReport line(String format, Object... args) {
    md.append(args.length == 0 ? format : String.format(Locale.ROOT, format, args)).append('\n');
    return this;
  }

  private static String value(TargetResult t) {
    return switch (t.kind()) {
      case RATIO -> ratio(t.value());
      case SHARE -> percent(t.value());
      case COUNT -> t.value() == null ? "–" : Long.toString(Math.round(t.value()));
    };
  }

  static String ratio(Double d) {
    return d == null ? "–" : String.format(Locale.ROOT, "%.3f", d);
  }

  static String percent(Double d) {
    return d == null ? "–" : String.format(Locale.ROOT, "%.2f %%", d * 100);
  }

  private static String minutes(Double d) {
    return d == null ? "–" : String.format(Locale.ROOT, "%.1f", d);
  }

  private static String count(Long n) {
    return n == null ? "not within the run" : Long.toString(n);
  }

  private static String byType(Map<AnomalyType, Long> types) {
    return types.isEmpty()
        ? ""
        : types.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
  }
}
