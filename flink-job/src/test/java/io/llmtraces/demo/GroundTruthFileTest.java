package io.llmtraces.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmtraces.model.AnomalyType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ground truth file reads back what was written, and the labels follow the rule book. */
class GroundTruthFileTest {
  private static final LabelledScenario SCENARIO = LabelledScenario.defaults();

  @Test
  void aWrittenRunReadsBackEqual(@TempDir Path dir) throws Exception {
    List<GroundTruth> written =
        new LabelledRun(LabelledRun.defaultsIn(8), 3).items.stream().map(i -> i.truth()).toList();
    Path file = dir.resolve("sub/truth.jsonl");
    try (GroundTruthFile out = GroundTruthFile.create(file)) {
      for (GroundTruth t : written) {
        out.write(t);
      }
    }
    assertThat(GroundTruthFile.read(file)).isEqualTo(written);
    assertThat(written).anyMatch(t -> t.faults().isEmpty()).anyMatch(t -> t.faults().size() > 1);
  }

  @Test
  void oddTextAndMicrosecondsSurvive() {
    LabelledFault fault =
        new LabelledFault(
            FaultType.ERROR,
            "00f067aa0ba902b7",
            false,
            1,
            "spread: \"quoted\"\nnew line, ü",
            "natural_error",
            Expectation.ANOMALY,
            List.of(AnomalyType.SPAN_ERROR));
    GroundTruth t =
        new GroundTruth(
            "docs-qa",
            "0af7651916cd43dd8448eb211c80319c",
            1_767_225_600_123_457L,
            7,
            List.of(fault));
    String line = GroundTruthFile.toJson(t);
    assertThat(line)
        .doesNotContain("\n")
        .contains("\"start_time\":\"2026-01-01T00:00:00.123457Z\"");
    assertThat(GroundTruthFile.fromJson(line)).isEqualTo(t);
    assertThatThrownBy(() -> GroundTruthFile.fromJson("{not json"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void labelsFollowTheRuleBook() {
    assertThat(label(FaultType.TIMEOUT, false, 1).expected())
        .containsExactly(AnomalyType.SPAN_ERROR, AnomalyType.SPAN_RESPONSE_TIME);
    assertThat(label(FaultType.ABANDONED_STREAM, false, 1).expected())
        .containsExactly(AnomalyType.SPAN_NO_PROMPT_RESPONSE);
    assertThat(label(FaultType.ERROR_BURST, true, 1).expected())
        .containsExactly(AnomalyType.SPAN_ERROR);
    assertThat(label(FaultType.SPIKE, true, 1.5).expected())
        .containsExactly(AnomalyType.SPAN_RESPONSE_TIME);
    assertThat(label(FaultType.STREAM_WITHOUT_USAGE, true, 1).expectation())
        .isEqualTo(Expectation.NORMAL);
    assertThat(label(FaultType.UNEXPORTED_SPANS, false, 2).expectation())
        .isEqualTo(Expectation.UNSCORED);
    assertThat(label(FaultType.MODEL_UPGRADE, true, 50).expectation())
        .isEqualTo(Expectation.UNSCORED);
    assertThat(label(FaultType.MODEL_UPGRADE, true, 51).expectation())
        .isEqualTo(Expectation.NORMAL);
    assertThat(label(FaultType.NEW_MODEL, true, 51).expected()).isEmpty();
    assertThat(label(FaultType.DRIFT, true, 1.49).expectation()).isEqualTo(Expectation.UNSCORED);
    assertThat(label(FaultType.DRIFT, true, 1.5).expectation()).isEqualTo(Expectation.ANOMALY);
    assertThat(label(FaultType.EMPTY_RESPONSE, false, 1).scenario())
        .isEqualTo("natural_empty_response");
    assertThat(label(FaultType.EMPTY_RESPONSE, true, 1).scenario()).isEqualTo("empty_response");
  }

  private static LabelledFault label(FaultType type, boolean injected, double magnitude) {
    return Labels.label(new Fault(type, "00f067aa0ba902b7", injected, magnitude, ""), SCENARIO);
  }
}
