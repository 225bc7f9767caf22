package io.llmtraces.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DemoProducerConfigTest {

  @Test
  void noArgumentsGiveTheDocumentedDefaults() {
    DemoProducerConfig c = DemoProducerConfig.parse(new String[0]);
    assertThat(c).isEqualTo(DemoProducerConfig.defaults());
    assertThat(c.bootstrapServers()).isEqualTo("localhost:9092");
    assertThat(c.topic()).isEqualTo("otlp_spans");
    assertThat(c.rate()).isEqualTo(200);
    assertThat(c.totalSpans()).isZero();
    assertThat(c.format()).isEqualTo(OtlpFormat.OTLP_PROTO);
    assertThat(c.partitionByTraceId()).isFalse();
  }

  @Test
  void everyOptionIsRead() {
    DemoProducerConfig c =
        DemoProducerConfig.parse(
            new String[] {
              "--bootstrap-servers",
              "broker:29092",
              "--topic",
              "spans",
              "--rate",
              "0",
              "--total-spans",
              "1000",
              "--format",
              "otlp_json",
              "--partition-by-trace-id",
              "--seed",
              "77"
            });
    assertThat(c)
        .isEqualTo(
            new DemoProducerConfig(
                "broker:29092", "spans", 0, 1000, OtlpFormat.OTLP_JSON, true, 77));
  }

  @Test
  void theLabelledModeNeedsATruthFileAndMayBeShortened() {
    DemoProducerConfig c =
        DemoProducerConfig.parse(
            new String[] {
              "--labelled", "--truth-file", "out/truth.jsonl", "--labelled-minutes", "30"
            });
    assertThat(c.labelled()).isTrue();
    assertThat(c.truthFile()).isEqualTo(java.nio.file.Path.of("out/truth.jsonl"));
    assertThat(c.scenario().length()).isEqualTo(java.time.Duration.ofMinutes(30));
    assertThat(c.scenario().shift().start()).isEqualTo(java.time.Duration.ofMinutes(10));
    assertThat(
            DemoProducerConfig.parse(new String[] {"--labelled", "--truth-file", "t"}).scenario())
        .isEqualTo(LabelledScenario.defaults());
    assertThatThrownBy(() -> DemoProducerConfig.parse(new String[] {"--labelled"}))
        .hasMessageContaining("--labelled needs --truth-file");
  }

  @Test
  void mistakesAreReportedClearly() {
    assertThatThrownBy(() -> DemoProducerConfig.parse(new String[] {"--rate"}))
        .hasMessageContaining("missing value after --rate");
    assertThatThrownBy(() -> DemoProducerConfig.parse(new String[] {"--rate", "fast"}))
        .hasMessageContaining("not a number after --rate");
    assertThatThrownBy(() -> DemoProducerConfig.parse(new String[] {"--rate", "-1"}))
        .hasMessageContaining("--rate");
    assertThatThrownBy(() -> DemoProducerConfig.parse(new String[] {"--colour", "red"}))
        .hasMessageContaining("unknown option --colour");
    assertThatThrownBy(() -> DemoProducerConfig.parse(new String[] {"--format", "zipkin"}))
        .hasMessageContaining("otlp_proto or otlp_json");
  }

  @Test
  void bothEncodingsDecodeBackToTheSameRequest() throws Exception {
    var request = new DemoTraffic(DemoTrafficConfig.defaults(3)).next().requests().get(0);
    var decoder = new io.llmtraces.otlp.OtlpRecordDecoder(64 << 20);
    for (OtlpFormat format : OtlpFormat.values()) {
      assertThat(decoder.decode(format.encoder().apply(request)))
          .as(format.name())
          .isEqualTo(request);
    }
  }
}
