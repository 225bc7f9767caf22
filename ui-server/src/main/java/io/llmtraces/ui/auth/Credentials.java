package io.llmtraces.ui.auth;

import java.util.function.UnaryOperator;

/**
 * What a client presented, from HTTP headers: iftracer-sdk's {@code iftracer_user},
 * {@code iftracer_license_key} and {@code iftracer_project}, or {@code Authorization: Bearer KEY}
 * with the project in {@code iftracer_project} or {@code x-llm-project}. Any part may be null.
 */
public record Credentials(String user, String key, String project) {
  public static final String USER_HEADER = "iftracer_user";
  public static final String KEY_HEADER = "iftracer_license_key";
  public static final String PROJECT_HEADER = "iftracer_project";
  public static final String OTHER_PROJECT_HEADER = "x-llm-project";

  /** Reads them with a case-insensitive header lookup (header name to value or null). */
  public static Credentials from(UnaryOperator<String> header) {
    String key = blankToNull(header.apply(KEY_HEADER));
    String authorization = header.apply("Authorization");
    if (key == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      key = blankToNull(authorization.substring(7).strip());
    }
    String project = blankToNull(header.apply(PROJECT_HEADER));
    if (project == null) {
      project = blankToNull(header.apply(OTHER_PROJECT_HEADER));
    }
    return new Credentials(blankToNull(header.apply(USER_HEADER)), key, project);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
