package io.llmtraces.scoring;

import static io.llmtraces.scoring.ScoringFixtures.span;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmtraces.model.SpanKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelfTimesTest {
  @Test
  void overlappingChildrenCountOnceAndPartsOutsideTheParentNotAtAll() {
    var root = span("r", null, "root", SpanKind.WORKFLOW, 0, 1000, null, null, false, false, false);
    var a = span("a", "r", "a", SpanKind.TOOL, 100, 300, null, null, false, false, false); // 100-400
    var b = span("b", "r", "b", SpanKind.TOOL, 200, 400, null, null, false, false, false); // 200-600, overlaps a
    var c = span("c", "r", "c", SpanKind.TOOL, 900, 500, null, null, false, false, false); // 900-1400, half outside
    Map<String, Double> self = SelfTimes.of(List.of(root, a, b, c));
    assertThat(self.get("r")).isEqualTo(1000 - 500 - 100);
    assertThat(self.get("a")).isEqualTo(300);
  }
}
