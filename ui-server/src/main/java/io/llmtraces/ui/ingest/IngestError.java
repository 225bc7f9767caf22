package io.llmtraces.ui.ingest;

/**
 * A request the receiver answers with an error: the HTTP status, the matching gRPC status code
 * for the {@code google.rpc.Status} body the OTLP specification asks for, a message for the
 * client, and for retryable errors the seconds to wait ({@code Retry-After}).
 */
public final class IngestError extends RuntimeException {
  // google.rpc.Code values.
  static final int INVALID_ARGUMENT = 3;
  static final int PERMISSION_DENIED = 7;
  static final int RESOURCE_EXHAUSTED = 8;
  static final int INTERNAL = 13;
  static final int UNAVAILABLE = 14;
  static final int UNAUTHENTICATED = 16;

  private final int status;
  private final int grpcCode;
  private final int retryAfterSeconds;

  IngestError(int status, int grpcCode, String message, int retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.grpcCode = grpcCode;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static IngestError badRequest(String message) {
    return new IngestError(400, INVALID_ARGUMENT, message, 0);
  }

  static IngestError unauthenticated(String message) {
    return new IngestError(401, UNAUTHENTICATED, message, 0);
  }

  static IngestError forbidden(String message) {
    return new IngestError(403, PERMISSION_DENIED, message, 0);
  }

  static IngestError tooLarge(String message) {
    return new IngestError(413, RESOURCE_EXHAUSTED, message, 0);
  }

  static IngestError unsupported(String message) {
    return new IngestError(415, INVALID_ARGUMENT, message, 0);
  }

  static IngestError overloaded(String message, int retryAfterSeconds) {
    return new IngestError(429, RESOURCE_EXHAUSTED, message, retryAfterSeconds);
  }

  static IngestError unavailable(String message, int retryAfterSeconds) {
    return new IngestError(503, UNAVAILABLE, message, retryAfterSeconds);
  }

  public int status() {
    return status;
  }

  public int grpcCode() {
    return grpcCode;
  }

  /** Seconds for {@code Retry-After}; 0 when the request must not be retried as it is. */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
