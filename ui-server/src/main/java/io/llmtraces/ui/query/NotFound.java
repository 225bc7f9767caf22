package io.llmtraces.ui.query;

/** An unknown project or trace; its message names it, for the 404 body. */
public class NotFound extends RuntimeException {
  public NotFound(String message) {
    super(message);
  }
}
