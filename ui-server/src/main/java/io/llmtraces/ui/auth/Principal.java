package io.llmtraces.ui.auth;

/** Who a request acts for: the user, which of their keys, and the projects that key allows. */
public record Principal(String user, String keyId, ProjectPatterns projects) {
  /** Whoever calls a server with authentication off. */
  public static final Principal ANONYMOUS = new Principal("anonymous", "", ProjectPatterns.ALL);
}
