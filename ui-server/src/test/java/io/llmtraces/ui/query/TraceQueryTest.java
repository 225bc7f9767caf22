package io.llmtraces.ui.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceQueryTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static TraceQuery parse(String... kv) {
    Map<String, List<String>> p = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      p.put(kv[i], List.of(kv[i + 1]));
    }
    return TraceQuery.parse(p, CLOCK);
  }

  @Test
  void defaultsAreTheAnomalousTracesOfTheLastDayByScore() {
    TraceQuery q = parse("project", "acme");
    assertThat(q.to()).isEqualTo(NOW);
    assertThat(q.from()).isEqualTo(NOW.minusSeconds(86_400));
    assertThat(q.anomalous()).isEqualTo(TraceQuery.Anomalous.TRUE);
    assertThat(q.sort()).isEqualTo(TraceQuery.Sort.SCORE);
    assertThat(q.descending()).isTrue();
    assertThat(q.limit()).isEqualTo(50);
  }

  @Test
  void timesAreIsoOrEpochMillis() {
    TraceQuery q = parse("project", "acme", "from", "1795500000000", "to", "2026-11-25T10:00:00+01:00");
    assertThat(q.from()).isEqualTo(Instant.ofEpochMilli(1795500000000L));
    assertThat(q.to()).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
  }

  @Test
  void badParametersSayWhatIsWrong() {
    assertThatThrownBy(() -> parse()).hasMessageContaining("project is required");
    assertThatThrownBy(() -> parse("project", "a", "limit", "5000")).hasMessageContaining("limit must be between 1 and 1000");
    assertThatThrownBy(() -> parse("project", "a", "sort", "name")).hasMessageContaining("sort must be one of");
    assertThatThrownBy(() -> parse("project", "a", "from", "yesterday")).hasMessageContaining("ISO-8601");
    assertThatThrownBy(() -> parse("project", "a", "minDurationMs", "-1")).hasMessageContaining("non-negative");
    assertThatThrownBy(() -> parse("project", "a", "minTokens", "9", "maxTokens", "3")).hasMessageContaining("minTokens must not exceed");
    assertThatThrownBy(() -> parse("project", "a", "from", "2026-11-25T12:00:00Z", "to", "2026-11-25T11:00:00Z")).hasMessageContaining("before");
    assertThatThrownBy(() -> parse("project", "a", "colour", "red")).hasMessageContaining("unknown parameter colour");
    assertThatThrownBy(() -> parse("project", "a", "anomalous", "maybe")).isInstanceOf(BadRequest.class);
  }
}
