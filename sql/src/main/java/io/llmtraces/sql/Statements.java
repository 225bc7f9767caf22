package io.llmtraces.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts SQL text into statements at {@code ;} outside quotes and comments, so that a script or a
 * line typed at the prompt may hold several statements, and a statement may span lines.
 */
final class Statements {
  private final StringBuilder pending = new StringBuilder();

  /** Adds text; returns the statements it completed (without their {@code ;}). */
  List<String> add(String text) {
    pending.append(text);
    List<String> done = new ArrayList<>();
    char quote = 0;
    int start = 0;
    for (int i = 0; i < pending.length(); i++) {
      char c = pending.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0; // a doubled quote ('') closes and reopens: same result
        }
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == '-' && i + 1 < pending.length() && pending.charAt(i + 1) == '-') {
        int end = pending.indexOf("\n", i);
        if (end < 0) {
          break; // the comment runs to the end of what we have
        }
        pending.delete(i, end);
        i--;
      } else if (c == ';') {
        String statement = pending.substring(start, i).strip();
        if (!statement.isEmpty()) {
          done.add(statement);
        }
        start = i + 1;
      }
    }
    pending.delete(0, start);
    return done;
  }

  /** What was added but not yet ended by {@code ;}. */
  String rest() {
    return pending.toString().strip();
  }

  /** All statements of a script; a last one without {@code ;} counts too. */
  static List<String> split(String script) {
    Statements s = new Statements();
    List<String> out = new ArrayList<>(s.add(script + "\n"));
    if (!s.rest().isEmpty()) {
      out.add(s.rest());
    }
    return out;
  }
}
