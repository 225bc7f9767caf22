package io.llmtraces.ui.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One request for a page of traces: which project, time range, filters, order and page.
 * {@link #parse} validates the query parameters of {@code GET /api/traces}.
 *
 * @param from inclusive start of the range of trace start times
 * @param to exclusive end of it
 */
public record TraceQuery(
    String project,
    Instant from,
    Instant to,
    Double minDurationMs,
    Double maxDurationMs,
    Long minTokens,
    Long maxTokens,
    Anomalous anomalous,
    Sort sort,
    boolean descending,
    int limit,
    int offset) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 1000;
  public static final Duration DEFAULT_RANGE = Duration.ofHours(24);

  /** Which traces by verdict. */
  public enum Anomalous { TRUE, FALSE, ALL }

  /** What the list is ordered by. */
  public enum Sort { SCORE, TIMESTAMP, DURATION, TOKENS }

  private static final Set<String> KNOWN =
      Set.of("project", "from", "to", "minDurationMs", "maxDurationMs", "minTokens", "maxTokens", "anomalous", "sort", "order", "limit", "offset");

  public static TraceQuery parse(Map<String, List<String>> params, Clock clock) {
    for (String name : params.keySet()) {
      if (!KNOWN.contains(name)) {
        throw new BadRequest("unknown parameter " + name + "; known: " + KNOWN);
      }
    }
    String project = single(params, "project");
    if (project == null || project.isBlank()) {
      throw new BadRequest("project is required");
    }
    Instant to = instant(params, "to");
    Instant from = instant(params, "from");
    if (to == null) {
      to = from != null ? from.plus(DEFAULT_RANGE) : clock.instant();
    }
    if (from == null) {
      from = to.minus(DEFAULT_RANGE);
    }
    if (!from.isBefore(to)) {
      throw new BadRequest("from must be before to");
    }
    Double minD = number(params, "minDurationMs");
    Double maxD = number(params, "maxDurationMs");
    Long minT = whole(params, "minTokens");
    Long maxT = whole(params, "maxTokens");
    if (minD != null && maxD != null && minD > maxD) {
      throw new BadRequest("minDurationMs must not exceed maxDurationMs");
    }
    if (minT != null && maxT != null && minT > maxT) {
      throw new BadRequest("minTokens must not exceed maxTokens");
    }
    int limit = whole(params, "limit") == null ? DEFAULT_LIMIT : Math.toIntExact(whole(params, "limit"));
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadRequest("limit must be between 1 and " + MAX_LIMIT);
    }
    Long offset = whole(params, "offset");
    if (offset != null && (offset < 0 || offset > Integer.MAX_VALUE)) {
      throw new BadRequest("offset must not be negative");
    }
    String order = single(params, "order");
    if (order != null && !order.equals("asc") && !order.equals("desc")) {
      throw new BadRequest("order must be asc or desc");
    }
    return new TraceQuery(
        project, from, to, minD, maxD, minT, maxT,
        choice(params, "anomalous", Anomalous.class, Anomalous.TRUE),
        choice(params, "sort", Sort.class, Sort.SCORE),
        order == null || order.equals("desc"),
        limit,
        offset == null ? 0 : offset.intValue());
  }

  private static String single(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty() || values.get(0).isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw new BadRequest(name + " given more than once");
    }
    return values.get(0);
  }

  /** ISO-8601 or epoch milliseconds. */
  public static Instant parseInstant(String name, String value) {
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Instant.ofEpochMilli(Long.parseLong(value));
      } catch (NumberFormatException e) {
        throw new BadRequest(name + " is not a valid time: " + value);
      }
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      try {
        return java.time.OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException e2) {
        throw new BadRequest(name + " must be ISO-8601 (2026-11-25T10:00:00Z) or epoch milliseconds, not " + value);
      }
    }
  }

  private static Instant instant(Map<String, List<String>> params, String name) {
    String v = single(params, name);
    return v == null ? null : parseInstant(name, v);
  }

  private static Double number(Map<String, List<String>> params, String name) {
    String v = single(params, name);
    if (v == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(v);
      if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) {
        throw new BadRequest(name + " must be a non-negative number");
      }
      return d;
    } catch (NumberFormatException e) {
      throw new BadRequest(name + " must be a number, not " + v);
    }
  }

  private static Long whole(Map<String, List<String>> params, String name) {
    String v = single(params, name);
    if (v == null) {
      return null;
    }
    try {
      long n = Long.parseLong(v);
      if (n < 0) {
        throw new BadRequest(name + " must not be negative");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadRequest(name + " must be a whole number, not " + v);
    }
  }

  private static <E extends Enum<E>> E choice(Map<String, List<String>> params, String name, Class<E> type, E dflt) {
    String v = single(params, name);
    if (v == null) {
      return dflt;
    }
    try {
      return Enum.valueOf(type, v.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequest(name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(java.util.Locale.ROOT) + ", not " + v);
    }
  }
}
