package io.llmtraces.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmtraces.model.AnomalyType;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriorScoreTest {

  @Test
  void bytesReadBackAsTheSameScore() {
    PriorScore prior = new PriorScore(0.9731, List.of(AnomalyType.SPAN_RESPONSE_TIME, AnomalyType.SPAN_ERROR), 17, 3);
    assertThat(prior.toBytes()).hasSize(17);
    assertThat(PriorScore.fromBytes(prior.toBytes())).isEqualTo(prior);
    PriorScore none = new PriorScore(0, List.of(), 0, 0);
    assertThat(PriorScore.fromBytes(none.toBytes())).isEqualTo(none);
  }

  @Test
  void everyAnomalyTypeHasABitInTheMask() {
    assertThat(AnomalyType.values()).hasSizeLessThanOrEqualTo(7); // one byte, sign bit unused
    PriorScore all = new PriorScore(1, List.of(AnomalyType.values()), 5, 5);
    assertThat(PriorScore.fromBytes(all.toBytes()).types()).containsExactly(AnomalyType.values());
  }
}
