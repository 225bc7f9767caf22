package io.llmtraces.demo;

import io.llmtraces.model.SpanKind;
import java.time.Duration;
import java.util.List;

/**
 * What the labelled mode injects, when and how often: the schedule of a run of simulated time that
 * {@link AnomalyInjector} follows. Times are offsets from the start of the run; rates are shares of
 * traces. {@link #defaults()} is the default labelled run, documented in {@code
 * docs/anomaly-detection.md}.
 *
 * @param length the labelled part of the run (120 min); its traces are in the ground truth
 * @param tracesPerSecond mean arrival rate on the simulated clock (3)
 * @param tail unlabelled traffic after the labelled part (6 min), so that the job's event time
 *     passes the close time of every labelled trace, even a rootless one held for the job's {@code
 *     --max-open-s} (300 s); the model changes stay in force in it, nothing is injected
 * @param warmup the first minutes (10), when baselines are still empty
 * @param warmupSpikes spikes injected during the warm-up (2 % of traces; x3, x5, x10)
 * @param spikes spikes after the warm-up (4 % of traces; x1.5, x2, x3, x5, x10, equally often)
 * @param emptyResponseRate share of traces with one chat call answering nothing (1 %)
 * @param streamWithoutUsageRate share of traces with one chat call streamed without token usage but
 *     with its answer (2 %): must not be flagged as empty
 * @param shift a fault: one key slower by a factor for a while
 * @param drift one key slowly getting slower
 * @param bursts many errors of one key within a minute, at regular times
 * @param upgrade an intended change: a project moves a model to a new version
 * @param newModel a model never seen before takes a share of some calls
 * @param newKeyAllowance the first samples of a new model that are neither expected to be flagged
 *     nor counted as false alarms (50); later ones must not be flagged
 */
public record LabelledScenario(
    Duration length,
    double tracesPerSecond,
    Duration tail,
    Duration warmup,
    Spikes warmupSpikes,
    Spikes spikes,
    double emptyResponseRate,
    double streamWithoutUsageRate,
    Shift shift,
    Drift drift,
    Bursts bursts,
    ModelChange upgrade,
    ModelChange newModel,
    int newKeyAllowance) {

  /**
   * Spikes on single calls (chat, tools, retrievers): the call takes {@code magnitude} times the
   * 99th percentile of its normal time ({@link LatencyModel#p99BoundMs}).
   *
   * @param rate share of traces with one spike
   * @param magnitudes drawn with equal probability
   */
  public record Spikes(double rate, List<Double> magnitudes) {
    public Spikes {
      magnitudes = List.copyOf(magnitudes);
    }
  }

  /** Every span of {@code key} starting in [start, end) takes {@code factor} times as long. */
  public record Shift(SpanKey key, Duration start, Duration end, double factor) {}

  /**
   * The spans of {@code key} slow down linearly from x1 at {@code start} to {@code finalFactor} at
   * {@code end}, and stay there until the end of the run. Spans slowed by at least {@code
   * anomalousFrom} are labelled anomalous; the slighter ones are not scored.
   */
  public record Drift(
      SpanKey key, Duration start, Duration end, double finalFactor, double anomalousFrom) {}

  /**
   * Error bursts: from {@code first}, every {@code every}, for {@code length}, a share of the calls
   * of one key fail; the keys take turns.
   */
  public record Bursts(
      List<SpanKey> keys, Duration first, Duration every, Duration length, double failureShare) {
    public Bursts {
      keys = List.copyOf(keys);
    }
  }

  /** From {@code at}, a {@code share} of the calls of {@code key} go to {@code model}. */
  public record ModelChange(SpanKey key, Duration at, ModelSpec model, double share) {}

  /** The upgraded model: slower than the one it replaces, as a larger new version may be. */
  public static final ModelSpec CLAUDE_SONNET_4_5 =
      new ModelSpec(
          "claude-sonnet-4-5",
          "claude-sonnet-4-5-20250929",
          "anthropic",
          false,
          1400,
          0.45,
          26,
          90,
          false);

  /** The brand-new model. */
  public static final ModelSpec GEMINI_2_5_FLASH =
      new ModelSpec(
          "gemini-2.5-flash", "gemini-2.5-flash", "google", false, 380, 0.5, 5, 25, false);

  public LabelledScenario {
    if (length.isNegative() || length.isZero() || tail.isNegative()) {
      throw new IllegalArgumentException("the run needs a positive length and a tail of 0 or more");
    }
    if (!(tracesPerSecond > 0)) {
      throw new IllegalArgumentException("tracesPerSecond must be positive: " + tracesPerSecond);
    }
    if (newKeyAllowance < 0) {
      throw new IllegalArgumentException("newKeyAllowance must be 0 or more");
    }
  }

  /** The default labelled run. */
  public static LabelledScenario defaults() {
    return new LabelledScenario(
        minutes(120),
        3,
        minutes(6),
        minutes(10),
        new Spikes(0.02, List.of(3.0, 5.0, 10.0)),
        new Spikes(0.04, List.of(1.5, 2.0, 3.0, 5.0, 10.0)),
        0.01,
        0.02,
        new Shift(
            new SpanKey("support-gateway", SpanKind.LLM, null, "gpt-4o"),
            minutes(40),
            minutes(60),
            3),
        new Drift(
            new SpanKey("docs-api", SpanKind.LLM, null, "llama-3.1-70b-instruct"),
            minutes(20),
            minutes(100),
            2.5,
            1.5),
        new Bursts(
            List.of(
                new SpanKey("research-agent", SpanKind.TOOL, "web_search", null),
                new SpanKey(
                    "support-rag", SpanKind.RETRIEVER, "VectorIndexRetriever.retrieve", null),
                new SpanKey("support-gateway", SpanKind.LLM, null, "gpt-4o-mini"),
                new SpanKey("docs-api", SpanKind.EMBEDDING, "OpenAIEmbeddings", null)),
            minutes(15),
            minutes(15),
            minutes(1),
            0.6),
        new ModelChange(
            new SpanKey("research-agent", SpanKind.LLM, null, "claude-sonnet-4"),
            minutes(70),
            CLAUDE_SONNET_4_5,
            1.0),
        new ModelChange(
            new SpanKey("support-gateway", SpanKind.LLM, null, "claude-haiku"),
            minutes(90),
            GEMINI_2_5_FLASH,
            0.5),
        50);
  }

  /**
   * This schedule stretched or squeezed to another length: every time scales with it except the
   * tail (which depends on the job, not on the run) and the length of a burst (a burst is a
   * minute); rates stay.
   */
  public LabelledScenario scaledTo(Duration newLength) {
    double f = (double) newLength.toMillis() / length.toMillis();
    return new LabelledScenario(
        newLength,
        tracesPerSecond,
        tail,
        scale(warmup, f),
        warmupSpikes,
        spikes,
        emptyResponseRate,
        streamWithoutUsageRate,
        new Shift(shift.key(), scale(shift.start(), f), scale(shift.end(), f), shift.factor()),
        new Drift(
            drift.key(),
            scale(drift.start(), f),
            scale(drift.end(), f),
            drift.finalFactor(),
            drift.anomalousFrom()),
        new Bursts(
            bursts.keys(),
            scale(bursts.first(), f),
            scale(bursts.every(), f),
            bursts.length(),
            bursts.failureShare()),
        new ModelChange(upgrade.key(), scale(upgrade.at(), f), upgrade.model(), upgrade.share()),
        new ModelChange(
            newModel.key(), scale(newModel.at(), f), newModel.model(), newModel.share()),
        newKeyAllowance);
  }

  /** This schedule at another arrival rate. */
  public LabelledScenario withTracesPerSecond(double perSecond) {
    return new LabelledScenario(
        length,
        perSecond,
        tail,
        warmup,
        warmupSpikes,
        spikes,
        emptyResponseRate,
        streamWithoutUsageRate,
        shift,
        drift,
        bursts,
        upgrade,
        newModel,
        newKeyAllowance);
  }

  /** This schedule with another tail (a job with a shorter {@code --max-open-s} needs less). */
  public LabelledScenario withTail(Duration newTail) {
    return new LabelledScenario(
        length,
        tracesPerSecond,
        newTail,
        warmup,
        warmupSpikes,
        spikes,
        emptyResponseRate,
        streamWithoutUsageRate,
        shift,
        drift,
        bursts,
        upgrade,
        newModel,
        newKeyAllowance);
  }

  private static Duration minutes(long m) {
    return Duration.ofMinutes(m);
  }

  private static Duration scale(Duration d, double f) {
    return Duration.ofMillis(Math.round(d.toMillis() * f));
  }
}
