package io.llmtraces.ui.query;

/** A request the server cannot answer as asked; its message says what is wrong, for the 400 body. */
public class BadRequest extends RuntimeException {
  public BadRequest(String message) {
    super(message);
  }
}
