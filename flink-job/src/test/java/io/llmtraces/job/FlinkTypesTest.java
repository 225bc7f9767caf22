package io.llmtraces.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmtraces.baseline.Baseline;
import io.llmtraces.baseline.BaselineOptions;
import io.llmtraces.ingest.DeadLetter;
import io.llmtraces.ingest.KafkaRecord;
import io.llmtraces.model.NormalizedSpan;
import io.llmtraces.scoring.ScoredSpan;
import io.llmtraces.scoring.ScoredTrace;
import io.llmtraces.scoring.WritableSpan;
import io.llmtraces.trace.ClosedTrace;
import io.llmtraces.trace.EncodedSpan;
import io.llmtraces.trace.TraceProgress;
import io.llmtraces.trace.WrittenTrace;
import java.util.Random;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every type that crosses operators or lives in state has a Flink serializer of its own, not Kryo. */
class FlinkTypesTest {

  @ParameterizedTest
  @ValueSource(classes = {KafkaRecord.class, DeadLetter.class, NormalizedSpan.class, EncodedSpan.class, ClosedTrace.class, TraceProgress.class,
      WrittenTrace.class, Baseline.class, ScoredSpan.class, WritableSpan.class, ScoredTrace.class})
  void isAPojoNotAGenericType(Class<?> type) {
    TypeInformation<?> info = TypeInformation.of(type);
    assertThat(info).isInstanceOf(PojoTypeInfo.class).isNotInstanceOf(GenericTypeInfo.class);
  }

  @Test
  void aBaselineKeyTakesWellUnderTwoKilobytesOfState() throws Exception {
    BaselineOptions o = BaselineOptions.DEFAULTS;
    Baseline b = Baseline.empty(o);
    Random rnd = new Random(1);
    for (int i = 0; i < 1_000; i++) {
      b = b.learn(1000 * Math.exp(0.3 * rnd.nextGaussian()), 50 + rnd.nextInt(500), rnd.nextInt(100) == 0, false, 1, i, o);
    }
    var serializer = TypeInformation.of(Baseline.class).createSerializer(new SerializerConfigImpl());
    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(b, out);
    System.out.println("baseline state bytes per key: " + out.length());
    assertThat(out.length()).isLessThan(300);
  }
}
