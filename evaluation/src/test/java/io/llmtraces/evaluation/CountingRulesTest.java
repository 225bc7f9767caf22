package io.llmtraces.evaluation;

import static io.llmtraces.model.AnomalyType.SPAN_ERROR;
import static io.llmtraces.model.AnomalyType.SPAN_NO_PROMPT_RESPONSE;
import static io.llmtraces.model.AnomalyType.SPAN_RESPONSE_TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmtraces.demo.Fault;
import io.llmtraces.demo.FaultType;
import io.llmtraces.demo.GroundTruth;
import io.llmtraces.demo.LabelledFault;
import io.llmtraces.demo.LabelledScenario;
import io.llmtraces.demo.Labels;
import io.llmtraces.model.AnomalyType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The counting rules on a handful of hand-made rows. */
class CountingRulesTest {
  private static final LabelledScenario SCENARIO = LabelledScenario.defaults();

  private static LabelledFault fault(FaultType type, String span, double magnitude) {
    return Labels.label(
        new Fault(type, span, !FaultType.NATURAL.contains(type), magnitude, ""), SCENARIO);
  }

  private static GroundTruth trace(String id, long minute, int spans, LabelledFault... faults) {
    return new GroundTruth("p", id, minute * 60_000_000L, spans, List.of(faults));
  }

  private static SpanRow span(String trace, String span, AnomalyType... flags) {
    return new SpanRow("p", trace, span, "m", true, flags.length > 0, Set.of(flags), null, null);
  }

  private static TraceRow traceRow(String trace, boolean flagged) {
    return new TraceRow(
        "p", trace, 1, 2, true, flagged, flagged ? Set.of(SPAN_RESPONSE_TIME) : Set.of());
  }

  @Test
  void flagsAreCountedByTheLabelsOfTheirSpan() {
    List<GroundTruth> truth =
        List.of(
            trace("t1", 0, 2, fault(FaultType.TIMEOUT, "a1", 1)),
            trace("t2", 1, 2, fault(FaultType.MODEL_UPGRADE, "b1", 3)),
            trace("t3", 2, 2, fault(FaultType.STREAM_WITHOUT_USAGE, "c1", 1)),
            trace("t4", 3, 2),
            trace("t5", 4, 2, fault(FaultType.EMPTY_RESPONSE, "e1", 1)));
    TableRows rows =
        new TableRows(
            List.of(
                traceRow("t1", true),
                traceRow("t2", true),
                traceRow("t3", true),
                traceRow("t4", false),
                traceRow("t5", false)),
            List.of(
                span(
                    "t1",
                    "a1",
                    SPAN_ERROR,
                    SPAN_RESPONSE_TIME,
                    SPAN_NO_PROMPT_RESPONSE), // 2 right, 1 wrong
                span("t1", "a0", SPAN_RESPONSE_TIME), // its parent: a false alarm
                span("t2", "b1", SPAN_RESPONSE_TIME), // a new key's first samples: not counted
                span("t3", "c1", SPAN_NO_PROMPT_RESPONSE), // must not be flagged
                span("t4", "d1")));
    // e1 has no row: missing, so missed.
    EvaluationReport r = Evaluator.evaluate(truth, rows);
    Map<AnomalyType, Counts> types = SpanMetrics.byType(JudgedSpan.join(truth, rows));
    assertThat(types.get(SPAN_ERROR)).isEqualTo(new Counts(1, 0, 0));
    assertThat(types.get(SPAN_RESPONSE_TIME)).isEqualTo(new Counts(1, 1, 0));
    assertThat(types.get(SPAN_NO_PROMPT_RESPONSE)).isEqualTo(new Counts(0, 2, 1));
    assertThat(r.coverage().missingSpans()).isEqualTo(1);
    // Traces: t1 found, t5 missed, t3 a false alarm, t2 exempt, t4 normal and quiet.
    assertThat(r.traces().counts()).isEqualTo(new Counts(1, 1, 1));
    assertThat(r.traces().normalTraces()).isEqualTo(1);
    assertThat(r.traces().falsePositiveRate()).isZero();
    assertThat(r.targets())
        .filteredOn(t -> t.target().startsWith("streamed"))
        .singleElement()
        .satisfies(t -> assertThat(t.met()).isFalse());
  }

  @Test
  void aTraceWrittenInPiecesIsNoticedAndItsSpansCounted() {
    TraceRow small = new TraceRow("p", "t1", 1, 1, true, false, Set.of());
    TraceRow large = new TraceRow("p", "t1", 1, 2, true, true, Set.of(SPAN_ERROR));
    TableRows pieces =
        new TableRows(
            List.of(small, large), List.of(span("t1", "a"), span("t1", "b"), span("t1", "c")));
    assertThat(pieces.writtenInPieces("p", "t1")).isTrue();
    assertThat(pieces.trace("p", "t1")).isEqualTo(large);
    assertThat(pieces.spanCount("p", "t1")).isEqualTo(3);
    TraceRow later = new TraceRow("p", "t1", 2, 3, true, false, Set.of());
    assertThat(new TableRows(List.of(later, small, large), List.of()).writtenInPieces("p", "t1"))
        .isFalse();
    List<GroundTruth> truth = List.of(trace("t1", 0, 3), trace("t2", 0, 2));
    assertThat(IcebergRows.missingSpans(truth, pieces)).isEqualTo(2);
    assertThat(Evaluator.evaluate(truth, pieces).coverage().tracesInPieces()).isEqualTo(1);
  }

  @Test
  void scenarioPrecisionIsTakenAtTheTypesPrevalence() {
    Counts type = new Counts(90, 5, 10);
    assertThat(Counts.precisionAtPrevalence(0.8, type)).isCloseTo(0.8 / 0.85, within(1e-12));
    assertThat(Counts.precisionAtPrevalence(type.recall(), type))
        .isCloseTo(type.precision(), within(1e-12));
    assertThat(Counts.precisionAtPrevalence(0.0, new Counts(0, 0, 10))).isNull();
    assertThat(new Counts(0, 0, 0).precision()).isNull();
  }

  @Test
  void magnitudesAreLabelledAndOrdered() {
    assertThat(SpanMetrics.magnitude(fault(FaultType.SPIKE, "s", 1.5))).isEqualTo("x1.5");
    assertThat(SpanMetrics.magnitude(fault(FaultType.SPIKE, "s", 10))).isEqualTo("x10");
    assertThat(SpanMetrics.magnitude(fault(FaultType.DRIFT, "s", 1.74))).isEqualTo("x1.5-2");
    assertThat(SpanMetrics.magnitude(fault(FaultType.DRIFT, "s", 2.5))).isEqualTo("x2.5-3");
    assertThat(SpanMetrics.magnitude(fault(FaultType.NEW_MODEL, "s", 50)))
        .isEqualTo("first samples");
    assertThat(SpanMetrics.magnitude(fault(FaultType.NEW_MODEL, "s", 51)))
        .isEqualTo("later samples");
    assertThat(SpanMetrics.order("x10")).isGreaterThan(SpanMetrics.order("x5"));
  }

  @Test
  void aKeyAdaptsWhereItsFlagRateFallsUnderOnePercent() {
    List<Boolean> flags = new ArrayList<>(Collections.nCopies(400, false));
    for (int i = 0; i < 30; i += 3) {
      flags.set(i, true); // a flag every third sample at first
    }
    flags.set(250, true);
    // From sample 25 on, the next 200 hold one flag (27): 0.5 %, under 1 %.
    assertThat(NewKeyMetrics.adaptedAt(flags)).isEqualTo(25);
    assertThat(NewKeyMetrics.adaptedAt(Collections.nCopies(199, false))).isNull();
    List<Boolean> flooded = new ArrayList<>(Collections.nCopies(300, false));
    for (int i = 0; i < 300; i += 50) {
      flooded.set(i, true); // 2 % for good: never adapted
    }
    flooded.set(1, true);
    assertThat(NewKeyMetrics.adaptedAt(flooded)).isNull();
  }

  @Test
  void theReportRendersAndSerializes() throws Exception {
    List<GroundTruth> truth =
        List.of(trace("t1", 0, 1, fault(FaultType.SPIKE, "a1", 5)), trace("t2", 1, 1));
    TableRows rows =
        new TableRows(
            List.of(traceRow("t1", true), traceRow("t2", false)),
            List.of(span("t1", "a1", SPAN_RESPONSE_TIME), span("t2", "b1")));
    EvaluationReport r = Evaluator.evaluate(truth, rows);
    String md = MarkdownReport.render(r, List.of("header line"));
    assertThat(md)
        .contains(
            "header line",
            "## Targets",
            "| spike | x5 | SPAN_RESPONSE_TIME | 1 | 1.000 |",
            "## Trace level",
            "No shift in this run.");
    String json = new ObjectMapper().writeValueAsString(r);
    assertThat(new ObjectMapper().readTree(json).path("targets").isArray()).isTrue();
  }
}
