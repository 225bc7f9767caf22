package io.llmtraces.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CompletionPolicyTest {
  private final CompletionPolicy policy =
      new CompletionPolicy(new AssemblyOptions(Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofMinutes(10), 100));

  @Test
  void withoutARootATraceWaitsForItsMaximumOpenTime() {
    TraceProgress p = TraceProgress.opened(1_000, false, 0).withSpan(2_000, false);
    assertThat(policy.closeAt(p)).isEqualTo(1_000 + 300_000);
  }

  @Test
  void onceTheRootEndedATraceClosesAQuietGapAfterItsLatestSpan() {
    TraceProgress p = TraceProgress.opened(1_000, false, 0).withSpan(1_000, false).withSpan(4_000, true);
    assertThat(policy.closeAt(p)).isEqualTo(14_000);
    assertThat(policy.closeAt(p.withSpan(6_000, false))).isEqualTo(16_000);
  }

  @Test
  void aTraceThatKeepsGettingSpansStillClosesAtItsMaximumOpenTime() {
    TraceProgress p = TraceProgress.opened(0, true, 0).withSpan(299_000, true);
    assertThat(policy.closeAt(p)).isEqualTo(300_000);
  }

  @Test
  void optionsRejectNonsense() {
    assertThatThrownBy(() -> new AssemblyOptions(Duration.ZERO, Duration.ofMinutes(5), Duration.ZERO, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AssemblyOptions(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ZERO, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
