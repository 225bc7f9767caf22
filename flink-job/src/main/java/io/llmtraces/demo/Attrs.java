package io.llmtraces.demo;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;

/** Small helpers that add typed attributes to a span and quote text for JSON attributes. */
final class Attrs {
  private Attrs() {}

  /** Adds a string attribute; a null value adds nothing, as SDKs skip unset attributes. */
  static void str(Span.Builder span, String key, String value) {
    if (value != null) {
      span.addAttributes(
          KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)));
    }
  }

  static void num(Span.Builder span, String key, long value) {
    span.addAttributes(
        KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setIntValue(value)));
  }

  static void dbl(Span.Builder span, String key, double value) {
    span.addAttributes(
        KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setDoubleValue(value)));
  }

  static void bool(Span.Builder span, String key, boolean value) {
    span.addAttributes(
        KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setBoolValue(value)));
  }

  /** A string array attribute (OTLP {@code array_value}), as for finish reasons. */
  static void strArray(Span.Builder span, String key, String value) {
    ArrayValue array =
        ArrayValue.newBuilder().addValues(AnyValue.newBuilder().setStringValue(value)).build();
    span.addAttributes(
        KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setArrayValue(array)));
  }

  /** A string key-value for resources, events and scopes. */
  static KeyValue kv(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }

  /** {@code text} as a JSON string literal, quotes included. */
  static String json(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 8).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** {@code value} as JSON: kept when it already is JSON (object, array, string), else quoted. */
  static String jsonValue(String value) {
    if (value == null) {
      return "null";
    }
    if (!value.isEmpty()) {
      char first = value.charAt(0);
      if (first == '{' || first == '[' || first == '"') {
        return value;
      }
    }
    return json(value);
  }
}
