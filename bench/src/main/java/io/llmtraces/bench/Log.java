package io.llmtraces.bench;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Progress lines on standard error, in the scripts' format. */
final class Log {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private Log() {}

  static void info(String format, Object... args) {
    System.err.println(LocalTime.now().format(TIME) + " [bench] " + String.format(Locale.ROOT, format, args));
  }
}
