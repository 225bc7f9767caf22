package io.llmtraces.ui.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProjectPatternsTest {
  @Test
  void starPrefixAndExactNames() {
    ProjectPatterns p = ProjectPatterns.of("acme-*", "billing");
    assertThat(p.allows("acme-prod")).isTrue();
    assertThat(p.allows("acme-")).isTrue();
    assertThat(p.allows("acme")).isFalse();
    assertThat(p.allows("billing")).isTrue();
    assertThat(p.allows("billing-2")).isFalse();
    assertThat(p.allows("Billing")).isFalse();
    assertThat(ProjectPatterns.ALL.allows("anything at all")).isTrue();
  }

  @Test
  void badPatternsAreRefused() {
    for (String bad : new String[] {"", "**", "a*b", " acme", "ac,me", "x\ty"}) {
      assertThatThrownBy(() -> ProjectPatterns.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> new ProjectPatterns(java.util.List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void projectNames() {
    assertThat(ProjectPatterns.validName("support-bot")).isNull();
    assertThat(ProjectPatterns.validName("Équipe données")).isNull();
    assertThat(ProjectPatterns.validName(null)).contains("empty");
    assertThat(ProjectPatterns.validName("a*")).contains("'*'");
    assertThat(ProjectPatterns.validName("x".repeat(129))).contains("128");
  }
}
