package io.llmtraces.ui.page;

import static io.llmtraces.ui.testing.TraceRows.anomalous;
import static io.llmtraces.ui.testing.TraceRows.span;
import static io.llmtraces.ui.testing.TraceRows.trace;

import io.llmtraces.ui.testing.TestWarehouse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * A small realistic data set for the page tests: two projects, ~60 traces in the last 24 hours,
 * anomalies of every type, a nested span tree, a trace whose root never arrived, old anomalies
 * outside the default window, and attribute names and values that contain HTML and script.
 */
final class PageData {
  static final String ACME = "acme-support";
  static final String ZETA = "zeta-research";
  /** The nested trace: eight spans in three levels, a slow LLM call and a failed tool call. */
  static final String NESTED = "4bf92f3577b34da6a3ce929d0e0e4736";
  /** An anomalous trace whose root span never arrived: its only span is an orphan. */
  static final String ROOTLESS = "9e107d9d372bb6826bd81d3542a419d6";
  /** A large agent trace in zeta-research: 2,500 spans. */
  static final String BIG = "5c3a9d2e8f1b4a6c9e7d0b2a4f6c8e1d";
  static final int BIG_SPANS = 2_500;
  static final String SCRIPT = "<script>alert(1)</script>";
  static final String BOLD = "<b>bold</b>";
  static final String IMG = "<img src=x onerror=\"window.__xss=1\">";
  static final String HTML_SPAN_NAME = "format <b>answer</b>";
  static final String HTML_KEY = "<i>custom.key</i>";
  static final String TYPES_TRACE = "TRACE_RESPONSE_TIME";
  static final String[] TYPES = {"TRACE_RESPONSE_TIME", "SPAN_RESPONSE_TIME", "SPAN_NO_PROMPT_RESPONSE", "SPAN_ERROR"};

  final Instant now;
  final List<Map<String, Object>> traces = new ArrayList<>();
  final List<Map<String, Object>> spans = new ArrayList<>();
  private final Random random = new Random(42);

  private PageData(Instant now) {
    this.now = now;
  }

  static PageData build(Instant now) {
    PageData d = new PageData(now.truncatedTo(ChronoUnit.SECONDS));
    d.fill();
    return d;
  }

  void writeTo(TestWarehouse warehouse) {
    warehouse.append(traces, spans);
  }

  private String id(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private void fill() {
    // acme-support: 48 traces spread over the last 23 hours, every third one anomalous.
    for (int i = 0; i < 48; i++) {
      Instant start = now.minus(20 + i * 28L, ChronoUnit.MINUTES).plusMillis(random.nextInt(60_000));
      double duration = 400 + random.nextInt(6_000_000) / 1000.0 + 0.37;
      long tokens = 150 + random.nextInt(4_000);
      boolean anomalous = i % 3 == 0;
      String type = TYPES[(i / 3) % 4];
      double score = anomalous ? 50.5 + i : 3.25 + (i % 30) * 1.1;
      addSimple(ACME, id(16), start, duration, tokens, anomalous ? type : null, score, i == 7);
    }
    // Old anomalies (25-47 h ago): never in the default "last 24 hours" view.
    for (int i = 0; i < 3; i++) {
      addSimple(ACME, id(16), now.minus(30 + i * 8L, ChronoUnit.HOURS), 3_000 + i * 111.5, 900, TYPES[i], 99.0 - i * 0.1, false);
    }
    // Two normal traces 60 h ago, alone in their hours: an "anomalous only" view there is empty.
    addSimple(ACME, id(16), now.minus(60, ChronoUnit.HOURS), 1_234.5, 321, null, 4.0, false);
    addSimple(ACME, id(16), now.minus(61, ChronoUnit.HOURS), 2_345.6, 432, null, 6.0, false);
    addNested(now.minus(50, ChronoUnit.MINUTES));
    addRootless(now.minus(5, ChronoUnit.HOURS));

    // zeta-research: 12 traces, 3 anomalous.
    for (int i = 0; i < 12; i++) {
      Instant start = now.minus(45 + i * 110L, ChronoUnit.MINUTES);
      Map<String, Object> t = addSimple(ZETA, id(16), start, 900 + i * 410.25, 800 + i * 97L, i % 4 == 1 ? TYPES[i % 4 + (i > 4 ? 1 : 0)] : null,
          i % 4 == 1 ? 60.5 + i : 5.5, false);
      t.put("service_name", "research-agent");
      t.put("models", List.of("claude-sonnet-4"));
    }
    addBig(now.minus(3, ChronoUnit.HOURS));
  }

  /** One root and its many tool and LLM calls, one after another. */
  private void addBig(Instant t0) {
    double total = BIG_SPANS * 20.0;
    Map<String, Object> t = anomalous(trace(ZETA, BIG, t0, total), 91.0, "The trace took 50.0 s: 3.2x the p99 of its workflow", "TRACE_RESPONSE_TIME");
    t.put("anomalous_span_count", 0);
    t.put("span_count", BIG_SPANS);
    t.put("root_span_name", "deep_research.workflow");
    traces.add(t);
    Map<String, Object> root = span(ZETA, BIG, "cc00000000000000", null, "deep_research.workflow", "workflow", t0, 0, total);
    root.put("attributes", Map.of());
    spans.add(root);
    for (int i = 1; i < BIG_SPANS; i++) {
      String kind = i % 3 == 0 ? "llm" : "tool";
      Map<String, Object> s = span(ZETA, BIG, "cc%014x".formatted(i), "cc00000000000000", kind.equals("llm") ? "anthropic.chat" : "fetch_page.tool", kind, t0, i * 20.0, 18);
      s.put("attributes", Map.of());
      s.put("span_json", "{}");
      spans.add(s);
    }
  }

  /** A workflow root with one LLM call; an anomalous type marks the call (or the whole trace). */
  private Map<String, Object> addSimple(
      String project, String traceId, Instant start, double durationMs, long tokens, String type, double score, boolean streamedWithoutUsage) {
    Map<String, Object> t = trace(project, traceId, start, durationMs);
    t.put("total_tokens", streamedWithoutUsage ? null : tokens);
    t.put("input_tokens", streamedWithoutUsage ? null : tokens * 2 / 3);
    t.put("output_tokens", streamedWithoutUsage ? null : tokens - tokens * 2 / 3);
    t.put("token_size_bytes", tokens * 4 + 17);
    t.put("anomaly_score", score);
    t.put("expected_duration_ms", durationMs / 2);
    t.put("expected_p99_ms", durationMs / 1.4);
    String root = id(8);
    String call = id(8);
    Map<String, Object> rootSpan = span(project, traceId, root, null, "chat.workflow", "workflow", start, 0, durationMs);
    rootSpan.put("expected_duration_ms", durationMs * 0.8);
    rootSpan.put("expected_p99_ms", durationMs * 1.3);
    double callMs = durationMs - 60;
    Map<String, Object> llm = span(project, traceId, call, root, "openai.chat", "llm", start, 30, callMs);
    llm.put("total_tokens", streamedWithoutUsage ? null : tokens);
    llm.put("input_tokens", streamedWithoutUsage ? null : tokens * 2 / 3);
    llm.put("output_tokens", streamedWithoutUsage ? null : tokens - tokens * 2 / 3);
    llm.put("is_streaming", streamedWithoutUsage);
    llm.put("expected_duration_ms", callMs * 0.7);
    llm.put("expected_p99_ms", callMs * 1.2);
    llm.put("anomaly_score", Math.min(score, 30));
    if (type != null) {
      String why =
          switch (type) {
            case "TRACE_RESPONSE_TIME" -> "The trace took %.1f s: %.1fx the p99 of its workflow".formatted(durationMs / 1000, 1.4);
            case "SPAN_RESPONSE_TIME" -> "openai.chat took %.1f s: 2.6x slower than its p99".formatted(callMs / 1000);
            case "SPAN_NO_PROMPT_RESPONSE" -> "openai.chat had a prompt and returned no completion";
            default -> "openai.chat failed: rate limit exceeded (429)";
          };
      anomalous(t, score, why, type);
      if (type.equals("TRACE_RESPONSE_TIME")) {
        t.put("anomalous_span_count", 0);
      } else {
        llm.put("is_anomalous", true);
        llm.put("anomaly_types", List.of(type));
        llm.put("anomaly_score", score);
        llm.put("anomaly_explanation", why);
        if (type.equals("SPAN_RESPONSE_TIME")) {
          llm.put("expected_duration_ms", callMs / 4);
          llm.put("expected_p99_ms", callMs / 2.6);
        } else if (type.equals("SPAN_NO_PROMPT_RESPONSE")) {
          llm.put("has_response", false);
          llm.put("output_tokens", 0L);
        } else {
          llm.put("is_error", true);
          llm.put("status_code", "ERROR");
          llm.put("status_message", "rate limit exceeded (429)");
          llm.put("error_type", "RateLimitError");
          t.put("error_count", 1);
        }
      }
    }
    traces.add(t);
    spans.add(rootSpan);
    spans.add(llm);
    return t;
  }

  private void addNested(Instant t0) {
    Map<String, Object> t = anomalous(trace(ACME, NESTED, t0, 9_000), 98.5,
        "openai.chat took 6.0 s: 1.9x slower than its p99 of 3.2 s; web_search.tool failed: timeout after 1 s",
        "SPAN_RESPONSE_TIME", "SPAN_ERROR");
    t.put("root_span_name", "support.workflow");
    t.put("workflow_name", "support");
    t.put("span_count", 8);
    t.put("error_count", 1);
    t.put("llm_call_count", 2);
    t.put("models", List.of("gpt-4o", "text-embedding-3-small"));
    t.put("input_tokens", 1_830L);
    t.put("output_tokens", 412L);
    t.put("total_tokens", 2_242L);
    t.put("token_size_bytes", 9_876L);
    t.put("anomalous_span_count", 2);
    traces.add(t);

    Map<String, Object> root = nested("aa00000000000001", null, "support.workflow", "workflow", t0, 0, 9_000, 7_000, 11_000);
    nested("aa00000000000002", "aa00000000000001", "retrieve_context.task", "task", t0, 100, 1_200, 1_100, 1_900);
    Map<String, Object> embed = nested("aa00000000000003", "aa00000000000002", "openai.embeddings", "embedding", t0, 120, 280, 250, 420);
    embed.put("model", "text-embedding-3-small");
    embed.put("input_tokens", 30L);
    embed.put("output_tokens", null);
    embed.put("total_tokens", 30L);
    nested("aa00000000000004", "aa00000000000002", "vector.search", "retriever", t0, 420, 760, 700, 1_300);
    nested("aa00000000000005", "aa00000000000001", "planner.agent", "agent", t0, 1_400, 7_400, 3_000, 5_200);
    Map<String, Object> chat = nested("aa00000000000006", "aa00000000000005", "openai.chat", "llm", t0, 1_500, 6_000, 1_800, 3_200);
    chat.put("input_tokens", 1_800L);
    chat.put("output_tokens", 412L);
    chat.put("total_tokens", 2_212L);
    chat.put("is_anomalous", true);
    chat.put("anomaly_score", 97.5);
    chat.put("anomaly_types", List.of("SPAN_RESPONSE_TIME"));
    chat.put("anomaly_explanation", "openai.chat took 6.0 s: 1.9x slower than its p99 of 3.2 s for 412 output tokens");
    chat.put("duration_ratio", 1.875);
    chat.put("is_streaming", true);
    chat.put("ttft_ms", 850.0);
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put("gen_ai.operation.name", "chat");
    attrs.put("gen_ai.prompt.0.content", SCRIPT);
    attrs.put("gen_ai.completion.0.content", BOLD);
    attrs.put("user.note", IMG);
    attrs.put(HTML_KEY, "value of a key with markup");
    chat.put("attributes", attrs);
    Map<String, Object> tool = nested("aa00000000000007", "aa00000000000005", "web_search.tool", "tool", t0, 7_600, 1_100, 400, 900);
    tool.put("is_error", true);
    tool.put("status_code", "ERROR");
    tool.put("status_message", "timeout after 1 s");
    tool.put("error_type", "TimeoutError");
    tool.put("is_anomalous", true);
    tool.put("anomaly_score", 81.0);
    tool.put("anomaly_types", List.of("SPAN_ERROR"));
    tool.put("anomaly_explanation", "web_search.tool failed: timeout after 1 s");
    nested("aa00000000000008", "aa00000000000001", HTML_SPAN_NAME, "task", t0, 8_800, 190, 150, 260);
    root.put("service_name", "support-bot");
  }

  private Map<String, Object> nested(
      String spanId, String parent, String name, String kind, Instant t0, double offset, double duration, double expected, double p99) {
    Map<String, Object> s = span(ACME, NESTED, spanId, parent, name, kind, t0, offset, duration);
    s.put("expected_duration_ms", expected);
    s.put("expected_p99_ms", p99);
    s.put("duration_ratio", duration / p99);
    s.put("anomaly_score", 8.0);
    if (!kind.equals("llm")) {
      s.put("attributes", Map.of("iftracer.span.kind", kind));
    }
    spans.add(s);
    return s;
  }

  private void addRootless(Instant t0) {
    Map<String, Object> t = anomalous(trace(ACME, ROOTLESS, t0, 2_500), 77.7, "openai.chat failed: connection reset", "SPAN_ERROR");
    t.put("root_span_name", null);
    t.put("root_missing", true);
    t.put("span_count", 1);
    traces.add(t);
    Map<String, Object> s = span(ACME, ROOTLESS, "bb00000000000001", "bb000000000000ff", "openai.chat", "llm", t0, 0, 2_500);
    s.put("is_error", true);
    s.put("status_code", "ERROR");
    s.put("status_message", "connection reset");
    s.put("is_anomalous", true);
    s.put("anomaly_score", 77.7);
    s.put("anomaly_types", List.of("SPAN_ERROR"));
    s.put("anomaly_explanation", "openai.chat failed: connection reset");
    spans.add(s);
  }

  // ---------------------------------------------------------------- expectations

  Instant start(Map<String, Object> t) {
    return (Instant) t.get("start_time");
  }

  static double duration(Map<String, Object> t) {
    return (double) t.get("duration_ms");
  }

  static long tokens(Map<String, Object> t) {
    Object v = t.get("total_tokens");
    return v == null ? 0 : (long) v;
  }

  static double score(Map<String, Object> t) {
    return (double) t.get("anomaly_score");
  }

  static boolean isAnomalous(Map<String, Object> t) {
    return Boolean.TRUE.equals(t.get("is_anomalous"));
  }

  static String traceId(Map<String, Object> t) {
    return (String) t.get("trace_id");
  }

  /** Traces of a project started in [from, to) that pass the filter. */
  List<Map<String, Object>> matching(String project, Instant from, Instant to, Predicate<Map<String, Object>> filter) {
    return traces.stream()
        .filter(t -> t.get("project").equals(project))
        .filter(t -> !start(t).isBefore(from) && start(t).isBefore(to))
        .filter(filter)
        .toList();
  }

  /** The last 24 hours of a project, as the default view asks for. */
  List<Map<String, Object>> lastDay(String project, Predicate<Map<String, Object>> filter) {
    return matching(project, now.minus(24, ChronoUnit.HOURS), now.plus(1, ChronoUnit.HOURS), filter);
  }

  static List<String> ids(List<Map<String, Object>> traces, Comparator<Map<String, Object>> order) {
    return traces.stream().sorted(order).map(PageData::traceId).toList();
  }

  static Comparator<Map<String, Object>> byScoreDesc() {
    return Comparator.comparingDouble(PageData::score).reversed();
  }

  static long sumTokens(List<Map<String, Object>> traces) {
    return traces.stream().mapToLong(PageData::tokens).sum();
  }

  static long sumSpans(List<Map<String, Object>> traces) {
    return traces.stream().mapToLong(t -> (int) t.get("span_count")).sum();
  }

  static long anomalies(List<Map<String, Object>> traces) {
    return traces.stream()
        .mapToLong(t -> (int) t.get("anomalous_span_count") + (((List<?>) t.get("anomaly_types")).contains(TYPES_TRACE) ? 1 : 0))
        .sum();
  }
}
