package io.llmtraces.trace;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Flink's type information for {@link TraceKey}: its bytes, length first. */
public final class TraceKeyTypeInfo extends TypeInformation<TraceKey> {
  public static final TraceKeyTypeInfo INSTANCE = new TraceKeyTypeInfo();

  /** Found by Flink's type extraction through {@code @TypeInfo} on {@link TraceKey}. */
  public static final class Factory extends TypeInfoFactory<TraceKey> {
    @Override
    public TypeInformation<TraceKey> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
      return INSTANCE;
    }
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean isTupleType() {
    return false;
  }

  @Override
  public int getArity() {
    return 1;
  }

  @Override
  public int getTotalFields() {
    return 1;
  }

  @Override
  public Class<TraceKey> getTypeClass() {
    return TraceKey.class;
  }

  @Override
  public boolean isKeyType() {
    return true;
  }

  @Override
  public TypeSerializer<TraceKey> createSerializer(SerializerConfig config) {
    return Serializer.INSTANCE;
  }

  @Override
  public String toString() {
    return "TraceKey";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TraceKeyTypeInfo;
  }

  @Override
  public int hashCode() {
    return TraceKeyTypeInfo.class.hashCode();
  }

  @Override
  public boolean canEqual(Object o) {
    return o instanceof TraceKeyTypeInfo;
  }

  /** Length, then the bytes: deterministic, as a key's serialized form must be (RocksDB compares it). */
  public static final class Serializer extends TypeSerializerSingleton<TraceKey> {
    static final Serializer INSTANCE = new Serializer();

    @Override
    public boolean isImmutableType() {
      return true;
    }

    @Override
    public TraceKey createInstance() {
      return TraceKey.of("", "");
    }

    @Override
    public TraceKey copy(TraceKey from) {
      return from;
    }

    @Override
    public TraceKey copy(TraceKey from, TraceKey reuse) {
      return from;
    }

    @Override
    public int getLength() {
      return -1;
    }

    @Override
    public void serialize(TraceKey key, DataOutputView target) throws IOException {
      byte[] bytes = key.bytes();
      target.writeInt(bytes.length);
      target.write(bytes);
    }

    @Override
    public TraceKey deserialize(DataInputView source) throws IOException {
      byte[] bytes = new byte[source.readInt()];
      source.readFully(bytes);
      return TraceKey.ofBytes(bytes);
    }

    @Override
    public TraceKey deserialize(TraceKey reuse, DataInputView source) throws IOException {
      return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
      int length = source.readInt();
      target.writeInt(length);
      target.write(source, length);
    }

    @Override
    public TypeSerializerSnapshot<TraceKey> snapshotConfiguration() {
      return new Snapshot();
    }

    /** Restores the serializer from a checkpoint; public with a no-argument constructor, as Flink requires. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<TraceKey> {
      public Snapshot() {
        super(() -> INSTANCE);
      }
    }
  }
}
