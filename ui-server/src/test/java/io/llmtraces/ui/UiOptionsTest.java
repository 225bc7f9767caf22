package io.llmtraces.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UiOptionsTest {
  @Test
  void defaults() {
    UiOptions o = UiOptions.parse();
    assertThat(o.host()).isEqualTo("127.0.0.1");
    assertThat(o.port()).isEqualTo(8080);
    assertThat(o.auth()).isTrue();
    assertThat(o.otlpPort()).isEqualTo(4318);
    assertThat(o.bootstrapServers()).isEqualTo("localhost:9092");
    assertThat(o.topic()).isEqualTo("otlp_spans");
    assertThat(o.maxRequestBytes()).isEqualTo(8 << 20);
    assertThat(o.kafkaTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(o.sessionTtl()).isEqualTo(Duration.ofHours(12));
    assertThat(o.publicUrl()).isNull();
    assertThat(o.usersFile().toString()).endsWith("data/users.json");
  }

  @Test
  void options() {
    UiOptions o = UiOptions.parse("--auth", "off", "--otlp-port", "0", "--public-url", "https://t.example.com/",
        "--max-request-bytes", "1000", "--data-dir", "/tmp/x", "--session-hours", "0.5");
    assertThat(o.auth()).isFalse();
    assertThat(o.otlpPort()).isZero();
    assertThat(o.publicUrl()).isEqualTo("https://t.example.com");
    assertThat(o.maxRequestBytes()).isEqualTo(1000);
    assertThat(o.usersFile().toString()).isEqualTo("/tmp/x/users.json");
    assertThat(o.sessionTtl()).isEqualTo(Duration.ofMinutes(30));
    assertThatThrownBy(() -> UiOptions.parse("--auth", "maybe")).hasMessageContaining("on or off");
    assertThatThrownBy(() -> UiOptions.parse("--colour", "red")).hasMessageContaining("unknown option");
  }
}
