package io.llmtraces.sink;

import io.llmtraces.model.AnomalyType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.MapData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.iceberg.Schema;

/** Conversions of Java values to Flink's internal row values, and column positions by name. */
final class RowValues {
  private RowValues() {}

  /** The position of a column, resolved once, so that a renamed column fails at start-up. */
  static int position(Schema schema, String column) {
    int i = schema.columns().indexOf(schema.findField(column));
    if (i < 0) {
      throw new IllegalStateException("no column " + column + " in " + schema);
    }
    return i;
  }

  /**
   * As UTF-8 bytes made by the JDK: Flink's own {@code StringData.fromString} encodes char by
   * char when Parquet asks for the bytes, slow for kilobytes of span_json on every span.
   */
  static StringData string(String s) {
    return s == null ? null : StringData.fromBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  static TimestampData micros(long epochMicros) {
    return TimestampData.fromEpochMillis(
        Math.floorDiv(epochMicros, 1000L), (int) Math.floorMod(epochMicros, 1000L) * 1000);
  }

  static GenericArrayData strings(List<String> values) {
    StringData[] data = new StringData[values.size()];
    for (int i = 0; i < data.length; i++) {
      data[i] = string(values.get(i));
    }
    return new GenericArrayData(data);
  }

  static GenericArrayData types(List<AnomalyType> types) {
    StringData[] data = new StringData[types.size()];
    for (int i = 0; i < data.length; i++) {
      data[i] = string(types.get(i).name());
    }
    return new GenericArrayData(data);
  }

  /**
   * A map column's value from UTF-8 keys and values at the same positions (null keys: an empty
   * map; a null value: empty), as two arrays, which is all the Parquet writer reads of a map: not
   * a {@code GenericMapData}, whose hash map would hash every key's bytes only to be iterated.
   */
  static MapData utf8Map(byte[][] keys, byte[][] values) {
    int n = keys == null ? 0 : keys.length;
    StringData[] k = new StringData[n];
    StringData[] v = new StringData[n];
    for (int i = 0; i < n; i++) {
      k[i] = StringData.fromBytes(keys[i]);
      v[i] = utf8(values[i]);
    }
    return new StringPairs(new GenericArrayData(k), new GenericArrayData(v));
  }

  /** UTF-8 bytes as they are; none as the empty string (for columns that are never null). */
  static StringData utf8(byte[] bytes) {
    return StringData.fromBytes(bytes == null ? EMPTY : bytes);
  }

  private static final byte[] EMPTY = new byte[0];

  /** Map data of keys and values at the same positions of two arrays. */
  private record StringPairs(ArrayData keyArray, ArrayData valueArray) implements MapData {
    @Override
    public int size() {
      return keyArray.size();
    }
  }
}
