package io.llmtraces.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class TraceKeyTest {
  private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

  @Test
  void splitsBackIntoProjectAndTraceId() {
    TraceKey key = TraceKey.of("support-bot\nwith a newline, ünïcödé", TRACE_ID);
    assertThat(key.project()).isEqualTo("support-bot\nwith a newline, ünïcödé");
    assertThat(key.traceId()).isEqualTo(TRACE_ID);
    assertThat(key).isEqualTo(TraceKey.of("support-bot\nwith a newline, ünïcödé", TRACE_ID)).hasSameHashCodeAs(key);
    assertThat(key).isNotEqualTo(TraceKey.of("support-bot", TRACE_ID));
  }

  @Test
  void serializerWritesTheBytesAndReadsBackAnEqualKey() throws Exception {
    TypeSerializer<TraceKey> serializer = TraceKeyTypeInfo.INSTANCE.createSerializer(new SerializerConfigImpl());
    TraceKey key = TraceKey.of("docs-qa", TRACE_ID);
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(key, out);
    assertThat(out.length()).isEqualTo(4 + "docs-qa\n".length() + TRACE_ID.length());

    TraceKey back = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    assertThat(back).isEqualTo(key);
    assertThat(back.project()).isEqualTo("docs-qa");

    DataOutputSerializer copied = new DataOutputSerializer(64);
    serializer.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
    assertThat(copied.getCopyOfBuffer()).isEqualTo(out.getCopyOfBuffer());
    assertThat(serializer.snapshotConfiguration().restoreSerializer()).isEqualTo(serializer);
  }

  @Test
  void flinkFindsItsTypeInformationInsideTheSpansItKeys() {
    // Without @TypeInfo the key would be a generic type: Kryo, which the job forbids.
    TypeInformation<EncodedSpan> type = TypeInformation.of(EncodedSpan.class);
    assertThat(type).isInstanceOf(PojoTypeInfo.class);
    PojoTypeInfo<EncodedSpan> pojo = (PojoTypeInfo<EncodedSpan>) type;
    assertThat(pojo.getTypeAt(pojo.getFieldIndex("traceKey"))).isSameAs(TraceKeyTypeInfo.INSTANCE);
  }
}
