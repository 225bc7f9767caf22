package io.llmtraces.otlp;

/**
 * A Kafka record that cannot be decoded into an OTLP trace request; goes to the dead-letter topic.
 *
 * <p>{@link #reason()} is a short stable code meant for a record header and for metrics labels;
 * {@link #getMessage()} is for a human reading the dead letter.
 */
public final class MalformedRecordException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The record value was null, zero bytes, or only whitespace. */
  public static final String EMPTY = "empty";
  /** The record value exceeded the decoder's size limit. */
  public static final String TOO_LARGE = "too_large";
  /** Not a parsable {@code ExportTraceServiceRequest} protobuf. */
  public static final String BAD_PROTOBUF = "bad_protobuf";
  /** Not parsable OTLP/JSON (syntax, wrong value types, trailing content). */
  public static final String BAD_JSON = "bad_json";
  /** A trace or span id is not hex or has the wrong length. */
  public static final String BAD_ID = "bad_id";

  private final String reason;

  public MalformedRecordException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public MalformedRecordException(String reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** Machine-friendly code, one of the constants of this class. */
  public String reason() {
    return reason;
  }
}
