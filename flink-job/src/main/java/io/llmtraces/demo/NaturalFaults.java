package io.llmtraces.demo;

import io.llmtraces.model.SpanKind;
import java.util.random.RandomGenerator;

/**
 * The background faults of healthy traffic: failed calls with their exceptions, timeouts, a rare
 * empty answer or abandoned stream, and what applications do next (retry, fail upwards, or lose the
 * decorated spans an exception escaped from). Recorded as faults that were not injected.
 */
final class NaturalFaults implements TraceMutator {
  /** Share of failures in decorated code that escape the decorators instead of being caught. */
  static final double ESCAPE_SHARE = 0.35;

  /** Share of the remaining failures the application retries. */
  static final double RETRY_SHARE = 0.6;

  private final double errorRate;
  private final double timeoutRate;
  private final double emptyResponseRate;
  private final double abandonedStreamRate;
  private final double faultShare;

  NaturalFaults(DemoTrafficConfig config) {
    this.errorRate = config.errorRate();
    this.timeoutRate = config.timeoutRate();
    this.emptyResponseRate = config.emptyResponseRate();
    this.abandonedStreamRate = config.abandonedStreamRate();
    this.faultShare = errorRate + timeoutRate + emptyResponseRate + abandonedStreamRate;
  }

  @Override
  public void mutate(
      TracePlan plan, long traceStartMicros, LatencyModel latency, RandomGenerator rng) {
    for (SpanPlan span : plan.spans()) {
      if (!span.isLeaf() || !isCall(span)) {
        continue;
      }
      // One draw per call, whatever happens, so one fault does not shift the rest of the stream.
      double r = rng.nextDouble();
      long timeoutMicros = span.service().clientTimeoutMs() * 1000;
      boolean tooSlow = span.isModelCall() && span.durationMicros() >= timeoutMicros;
      if ((r >= faultShare && !tooSlow) || !attached(span)) {
        continue;
      }
      boolean llm = span.kind() == SpanKind.LLM;
      if (span.isModelCall() && (r < timeoutRate || tooSlow)) {
        span.setDurationMicros(timeoutMicros);
        span.fail(timeoutType(span), "Request timed out.");
        plan.record(new Fault(FaultType.TIMEOUT, span.spanIdHex(), false, 1, span.errorType()));
        afterFailure(plan, span, latency, rng);
      } else if (r < timeoutRate + errorRate) {
        Failure failure = failureFor(span, rng);
        span.fail(failure.type(), failure.message());
        plan.record(new Fault(FaultType.ERROR, span.spanIdHex(), false, 1, failure.type()));
        afterFailure(plan, span, latency, rng);
      } else if (llm && r < timeoutRate + errorRate + emptyResponseRate) {
        span.setTokens(span.inputTokens(), 0);
        span.setOutput("");
        span.setFinishReason("stop");
        latency.timeModelCall(span, rng);
        plan.record(new Fault(FaultType.EMPTY_RESPONSE, span.spanIdHex(), false, 1, ""));
      } else if (llm
          && span.streaming()
          && r < timeoutRate + errorRate + emptyResponseRate + abandonedStreamRate) {
        // The reader went away mid-stream: the span ends early, OK, with nothing recorded.
        long ttft = span.ttftMicros();
        span.setDurationMicros(ttft + (long) ((span.durationMicros() - ttft) * rng.nextDouble()));
        span.setOutput(null);
        span.setUsageReported(false);
        span.setFinishReason(null);
        plan.record(new Fault(FaultType.ABANDONED_STREAM, span.spanIdHex(), false, 1, ""));
      }
    }
  }

  private static boolean isCall(SpanPlan span) {
    return span.isModelCall() || span.kind() == SpanKind.TOOL || span.kind() == SpanKind.RETRIEVER;
  }

  /** False once an earlier fault cut this span's branch short. */
  private static boolean attached(SpanPlan span) {
    for (SpanPlan s = span; s.parent() != null; s = s.parent()) {
      if (!s.parent().children().contains(s)) {
        return false;
      }
    }
    return true;
  }

  private static void afterFailure(
      TracePlan plan, SpanPlan failed, LatencyModel latency, RandomGenerator rng) {
    ServiceSpec service = failed.service();
    boolean decorated = service.decoratorFamily() != null;
    if (decorated && rng.nextDouble() < ESCAPE_SHARE) {
      escape(plan, failed);
    } else if (rng.nextDouble() < RETRY_SHARE) {
      SpanPlan retry = plan.addRetry(failed);
      latency.time(retry, rng);
      retry.setGapBeforeMicros(LatencyModel.lognormalMicros(500, 0.6, rng)); // client backoff
    } else if (!decorated) {
      // Instrumented frameworks record the exception on every span it passes through.
      failed.dropLaterSiblings();
      for (SpanPlan s = failed.parent(); s != null && s.service() == service; s = s.parent()) {
        s.fail(failed.errorType(), failed.errorMessage());
        s.dropLaterSiblings();
      }
    }
  }

  /** The exception leaves every decorated function up to the service's entry: none is ended. */
  private static void escape(TracePlan plan, SpanPlan failed) {
    failed.dropLaterSiblings();
    StringBuilder names = new StringBuilder();
    int dropped = 0;
    for (SpanPlan s = failed.parent();
        s != null && s.service() == failed.service();
        s = s.parent()) {
      s.dropFromExport();
      s.dropLaterSiblings();
      names.append(dropped++ == 0 ? "" : ",").append(s.entityName());
    }
    plan.record(
        new Fault(
            FaultType.UNEXPORTED_SPANS, failed.spanIdHex(), false, dropped, names.toString()));
  }

  private static String timeoutType(SpanPlan span) {
    return span.model().provider().equals("anthropic")
        ? "anthropic.APITimeoutError"
        : "openai.APITimeoutError";
  }

  /** An exception as the Python SDKs raise it. */
  record Failure(String type, String message) {}

  private static final Failure CONNECT =
      new Failure("httpx.ConnectError", "[Errno 111] Connection refused");
  private static final Failure BAD_ARGUMENTS =
      new Failure("ValueError", "could not parse tool arguments");
  private static final Failure VECTOR_DB =
      new Failure("qdrant_client.http.exceptions.ResponseHandlingException", "timed out");
  private static final Failure ANTHROPIC_OVERLOADED =
      new Failure(
          "anthropic.InternalServerError",
          "Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error',"
              + " 'message': 'Overloaded'}}");
  private static final Failure ANTHROPIC_RATE_LIMIT =
      new Failure(
          "anthropic.RateLimitError",
          "Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error'}}");
  private static final Failure LOCAL_SERVER_DOWN =
      new Failure("openai.APIConnectionError", "Connection error.");
  private static final Failure OPENAI_SERVER =
      new Failure(
          "openai.InternalServerError",
          "Error code: 500 - {'error': {'message': 'The server had an error while processing"
              + " your request.', 'type': 'server_error'}}");
  private static final Failure OPENAI_RATE_LIMIT =
      new Failure(
          "openai.RateLimitError",
          "Error code: 429 - {'error': {'message': 'Rate limit reached for requests',"
              + " 'type': 'requests'}}");

  /** An exception this kind of call raises, as its client library would. */
  static Failure failureFor(SpanPlan span, RandomGenerator rng) {
    boolean usual = rng.nextDouble() < 0.7;
    return switch (span.kind()) {
      case TOOL -> usual ? CONNECT : BAD_ARGUMENTS;
      case RETRIEVER -> VECTOR_DB;
      default ->
          switch (span.model().provider()) {
            case "anthropic" -> usual ? ANTHROPIC_OVERLOADED : ANTHROPIC_RATE_LIMIT;
            case "vllm" -> LOCAL_SERVER_DOWN;
            default -> usual ? OPENAI_SERVER : OPENAI_RATE_LIMIT;
          };
    };
  }
}
