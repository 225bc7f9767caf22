package io.llmtraces.ui.ingest;

import java.util.Locale;

/** The two OTLP/HTTP body encodings; a response is written in the request's. */
public enum OtlpEncoding {
  PROTOBUF("application/x-protobuf"),
  JSON("application/json");

  private final String contentType;

  OtlpEncoding(String contentType) {
    this.contentType = contentType;
  }

  public String contentType() {
    return contentType;
  }

  /** The encoding a Content-Type names (parameters such as charset ignored), or null. */
  public static OtlpEncoding of(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "application/x-protobuf", "application/protobuf" -> PROTOBUF;
      case "application/json" -> JSON;
      default -> null;
    };
  }
}
