package io.llmtraces.ui.auth;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The projects one key may write and read: {@code *} (all), a prefix ending in {@code *}
 * ({@code acme-*}), or an exact name. Names are compared exactly, case included, as the tables
 * store them.
 */
public record ProjectPatterns(List<String> patterns) {
  /** Every project: what a server with authentication off grants. */
  public static final ProjectPatterns ALL = new ProjectPatterns(List.of("*"));

  private static final int MAX_NAME_CHARS = 128;
  // Printable, no '*' (it would make names and patterns ambiguous) and no ',' (header lists).
  private static final Pattern NAME = Pattern.compile("[^\\p{Cntrl}*,]+");

  public ProjectPatterns {
    patterns = List.copyOf(patterns);
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException("a key needs at least one project pattern");
    }
    for (String p : patterns) {
      String name = p.endsWith("*") ? p.substring(0, p.length() - 1) : p;
      boolean usable = p.equals("*") || !name.isEmpty() && validName(name) == null;
      if (!usable) {
        throw new IllegalArgumentException("bad project pattern \"" + p + "\": use *, prefix* or an exact name");
      }
    }
  }

  public static ProjectPatterns of(String... patterns) {
    return new ProjectPatterns(List.of(patterns));
  }

  public boolean allows(String project) {
    for (String p : patterns) {
      if (p.endsWith("*") ? project.startsWith(p.substring(0, p.length() - 1)) : project.equals(p)) {
        return true;
      }
    }
    return false;
  }

  /** Null for a usable project name, else what is wrong with it. */
  public static String validName(String project) {
    if (project == null || project.isBlank()) {
      return "the project name is empty";
    }
    if (project.length() > MAX_NAME_CHARS) {
      return "the project name has more than " + MAX_NAME_CHARS + " characters";
    }
    if (!project.strip().equals(project) || !NAME.matcher(project).matches()) {
      return "the project name \"" + project + "\" has leading or trailing blanks, control characters, '*' or ','";
    }
    return null;
  }
}
