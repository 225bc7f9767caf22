package io.llmtraces.ingest;

import io.llmtraces.otlp.Strings;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

/**
 * A span's status and whether it failed.
 *
 * <p>A span is an error when its status is ERROR, or it has {@code error.type}, or an
 * {@code exception} event, or non-empty {@code insightfinder.entity.error_messages} (a caught
 * exception recorded on an OK span still counts: the call went wrong). The error type is
 * {@code error.type} else {@code exception.type}; the message is the status message, else the
 * exception message, else the error messages.
 */
record ErrorFacts(String statusCode, String statusMessage, boolean isError, String errorType) {

  static ErrorFacts of(Span span, SpanAttributes a, EventFacts events, int maxChars) {
    Status status = span.getStatus();
    String code = switch (status.getCode()) {
      case STATUS_CODE_OK -> "OK";
      case STATUS_CODE_ERROR -> "ERROR";
      default -> "UNSET";
    };
    String errorType = a.text(AttributeKeys.ERROR_TYPE);
    if (errorType == null) {
      errorType = events.exceptionType();
    }
    String errorMessages = errorMessages(a.get(AttributeKeys.ERROR_MESSAGES), maxChars);
    String message = Strings.truncate(Strings.nonBlank(status.getMessage()), maxChars);
    if (message == null) {
      message = events.exceptionMessage() != null ? events.exceptionMessage() : errorMessages;
    }
    boolean isError = code.equals("ERROR")
        || errorType != null
        || events.hasException()
        || errorMessages != null;
    return new ErrorFacts(code, message, isError, errorType);
  }

  /** The error messages when there are any: not blank, not an empty JSON list or null. */
  private static String errorMessages(AnyValue v, int maxChars) {
    String s = AnyValues.text(v, maxChars);
    if (s == null) {
      return null;
    }
    String t = s.replace(" ", "");
    return t.equals("[]") || t.equals("null") || t.equals("{}") || t.equals("[\"\"]") ? null : s;
  }
}
