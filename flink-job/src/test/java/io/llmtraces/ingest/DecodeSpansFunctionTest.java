package io.llmtraces.ingest;

import static io.llmtraces.otlp.Otlp.kv;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.otlp.Otlp;
import io.llmtraces.otlp.OtlpJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** Records in, spans out; a record that does not decode goes to the side output and is counted. */
class DecodeSpansFunctionTest {

  @Test
  void badRecordsGoToTheDeadLettersWithTheirReasonAndAreCounted() throws Exception {
    InterceptingOperatorMetricGroup metrics = new InterceptingOperatorMetricGroup();
    MockEnvironment env =
        new MockEnvironmentBuilder()
            .setMetricGroup(
                new UnregisteredMetricGroups.UnregisteredTaskMetricGroup() {
                  @Override
                  public InternalOperatorMetricGroup getOrAddOperator(OperatorID id, String name) {
                    return metrics;
                  }
                })
            .build();
    var harness =
        new OneInputStreamOperatorTestHarness<KafkaRecord, NormalizedSpan>(
            new ProcessOperator<>(new DecodeSpansFunction<NormalizedSpan>(4096, NormalizerLimits.DEFAULTS, (s, json, n) -> s)),
            env);
    harness.open();

    byte[] twoSpans = Otlp.request(Otlp.span("a").build(), Otlp.span("b").setSpanId(Otlp.id("1111111111111111")).build())
        .toByteArray();
    harness.processElement(new StreamRecord<>(record(7, twoSpans), 1));
    harness.processElement(new StreamRecord<>(record(8, OtlpJson.write(Otlp.request(Otlp.span("c")
        .addAttributes(kv("gen_ai.request.model", "gpt-4o")).build()))), 2));
    harness.processElement(new StreamRecord<>(record(9, "definitely not OTLP".getBytes(StandardCharsets.UTF_8)), 3));
    harness.processElement(new StreamRecord<>(record(10, "{\"resourceSpans\": [".getBytes(StandardCharsets.UTF_8)), 4));
    harness.processElement(new StreamRecord<>(record(11, new byte[5000]), 5));

    assertThat(harness.extractOutputValues()).extracting(NormalizedSpan::name).containsExactly("a", "b", "c");
    List<DeadLetter> dead = harness.getSideOutput(DecodeSpansFunction.DEAD_LETTERS).stream().map(StreamRecord::getValue).toList();
    assertThat(dead).extracting(DeadLetter::reason).containsExactly("bad_protobuf", "bad_json", "too_large");
    assertThat(dead).extracting(d -> d.record().offset()).containsExactly(9L, 10L, 11L);
    assertThat(count(metrics, "deadLetterRecords")).isEqualTo(3);
    assertThat(count(metrics, "recordsDecoded")).isEqualTo(2);
    assertThat(count(metrics, "spansNormalized")).isEqualTo(3);
    harness.close();
  }

  private static KafkaRecord record(long offset, byte[] value) {
    return new KafkaRecord("otlp_spans", 0, offset, 1000 + offset, null, value);
  }

  private static long count(InterceptingOperatorMetricGroup metrics, String name) {
    return ((Counter) metrics.get(name)).getCount();
  }
}
