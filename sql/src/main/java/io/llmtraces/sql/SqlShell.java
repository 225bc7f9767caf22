package io.llmtraces.sql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code scripts/sql}: runs Flink SQL over the tables, the statements of {@code -e}, or a
 * read-eval loop on stdin that prints each result as a table. See {@code docs/sql.md}.
 */
public final class SqlShell {
  private SqlShell() {}

  public static void main(String[] args) throws IOException {
    SqlOptions options;
    try {
      options = SqlOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    SqlSession session = SqlSession.open(options.catalog(), options.timeZone());
    int status =
        options.statements() != null
            ? runAll(session, options.statements())
            : repl(session, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.console() != null);
    // Flink's planner leaves non-daemon threads behind: leave explicitly.
    System.exit(status);
  }

  /** Runs the statements in order and stops at the first failure; 0 when all succeeded. */
  static int runAll(SqlSession session, String statements) {
    for (String statement : Statements.split(statements)) {
      if (!run(session, statement)) {
        return 1;
      }
    }
    return 0;
  }

  /** Reads statements until end of input or {@code quit;}; a failing statement does not end it. */
  static int repl(SqlSession session, BufferedReader in, boolean interactive) throws IOException {
    if (interactive) {
      System.out.println("Flink SQL on llm_traces_catalog.llm_traces: tables traces, spans; view traces_latest."
          + " End statements with ';', leave with 'quit;'.");
    }
    Statements statements = new Statements();
    while (true) {
      if (interactive) {
        System.out.print(statements.rest().isEmpty() ? "sql> " : "  -> ");
        System.out.flush();
      }
      String line = in.readLine();
      if (line == null) {
        return 0;
      }
      for (String statement : statements.add(line + "\n")) {
        if (statement.equalsIgnoreCase("quit") || statement.equalsIgnoreCase("exit")) {
          return 0;
        }
        run(session, statement);
      }
    }
  }

  /** Runs one statement and prints its result table; a failure is printed, not thrown. */
  private static boolean run(SqlSession session, String statement) {
    try {
      session.execute(statement).print();
      return true;
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      PrintStream err = System.err;
      err.println("[ERROR] " + e.getMessage() + (root != e ? "\n  caused by: " + root : ""));
      return false;
    }
  }
}
