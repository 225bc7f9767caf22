package io.llmtraces.scoring;

import io.llmtraces.baseline.BaselineKeys;
import io.llmtraces.baseline.Expectation;
import io.llmtraces.model.NormalizedSpan;
import java.util.Locale;

/** The engine's reasons in words, as the page shows them. */
final class Explanations {
  private Explanations() {}

  static String slowSpan(NormalizedSpan span, double judgedMs, Expectation e, String baselineKey) {
    String what = span.isRoot() || judgedMs >= span.durationMs() - 0.001 ? "took " : "spent " ;
    String own = judgedMs < span.durationMs() - 0.001 ? " of its own time (children excluded)" : "";
    boolean forLength = e.perToken() || baselineKey.contains(BaselineKeys.TOKEN_BUCKET);
    String tokens = forLength && span.outputTokens() != null ? " for " + String.format(Locale.ROOT, "%,d", span.outputTokens()) + " output tokens" : "";
    return String.format(
        Locale.ROOT,
        "%s %s%s%s: %.1fx slower than p99 %s (median %s%s) over %,d calls of %s",
        span.name(), what, duration(judgedMs), own, judgedMs / e.p99Ms(), duration(e.p99Ms()),
        duration(e.medianMs()), tokens, e.samples(), describe(baselineKey));
  }

  static String slowTrace(double durationMs, Expectation e, String baselineKey) {
    return String.format(
        Locale.ROOT,
        "trace took %s: %.1fx slower than p99 %s (median %s) over %,d traces of %s",
        duration(durationMs), durationMs / e.p99Ms(), duration(e.p99Ms()), duration(e.medianMs()),
        e.samples(), describe(baselineKey));
  }

  static String error(NormalizedSpan span, double rate) {
    String type = span.errorType() != null ? span.errorType() : "error";
    String message = span.statusMessage() != null ? ": " + span.statusMessage() : "";
    return String.format(Locale.ROOT, "%s failed with %s%s (%.1f%% of its calls fail)", span.name(), type, message, 100 * rate);
  }

  static String empty(NormalizedSpan span) {
    return span.name() + " got a prompt and returned nothing: no completion text and no output tokens";
  }

  /** "project|span|svc|name|model" reads as "gpt-4o in summarize.task (svc)". */
  static String describe(String key) {
    int bucket = key.indexOf(BaselineKeys.TOKEN_BUCKET);
    if (bucket >= 0) {
      long upper = Long.parseLong(key.substring(bucket + BaselineKeys.TOKEN_BUCKET.length()));
      return describe(key.substring(0, bucket)) + " with " + (upper / 2 - 1) + "-" + (upper - 2) + " output tokens";
    }
    String[] p = key.split("\\|", -1);
    if (p.length >= 5 && p[1].equals("span")) {
      String model = p[4].equals("-") ? "" : p[4] + " in ";
      String service = p[2].equals("*") ? " (all services)" : " (" + p[2] + ")";
      return model + p[3] + service;
    }
    if (p.length >= 4 && p[1].equals("kind")) {
      return (p[3].equals("-") ? "all " : p[3] + ", all ") + p[2] + " spans";
    }
    if (p.length >= 3 && p[1].equals("trace")) {
      return p[2].equals("*") ? "all workflows of " + p[0] : p[2];
    }
    return key;
  }

  static String duration(double ms) {
    if (ms >= 60_000) {
      return String.format(Locale.ROOT, "%.1f min", ms / 60_000);
    }
    if (ms >= 1000) {
      return String.format(Locale.ROOT, "%.2f s", ms / 1000);
    }
    return String.format(Locale.ROOT, ms >= 10 ? "%.0f ms" : "%.1f ms", ms);
  }
}
