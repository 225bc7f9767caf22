package io.llmtraces.demo;

import java.util.List;

/**
 * Settings of the demo traffic generator.
 *
 * @param seed the random seed: the same seed gives the same traces, byte for byte
 * @param startMicros where the generator's own clock starts ({@link DemoTraffic#next()}); default
 *     2026-01-01T00:00:00Z
 * @param tracesPerSecond mean arrival rate on that clock (Poisson); default 5
 * @param projects which demo projects to generate, from {@link DemoTraffic#projectNames()}; default
 *     all
 * @param errorRate probability that a call (model, tool, retrieval) fails; default 0.005
 * @param timeoutRate probability that a model call hits its client timeout; default 0.001
 * @param emptyResponseRate probability that a chat call answers with nothing; default 0.001
 * @param abandonedStreamRate probability that a streamed call is abandoned; default 0.003
 * @param usersPerProject size of each project's user population; default 500
 */
public record DemoTrafficConfig(
    long seed,
    long startMicros,
    double tracesPerSecond,
    List<String> projects,
    double errorRate,
    double timeoutRate,
    double emptyResponseRate,
    double abandonedStreamRate,
    int usersPerProject) {

  /** 2026-01-01T00:00:00Z in epoch microseconds. */
  public static final long DEFAULT_START_MICROS = 1_767_225_600_000_000L;

  public DemoTrafficConfig {
    projects = List.copyOf(projects);
    if (projects.isEmpty()) {
      throw new IllegalArgumentException("at least one project is needed");
    }
    if (!(tracesPerSecond > 0)) {
      throw new IllegalArgumentException("tracesPerSecond must be positive: " + tracesPerSecond);
    }
    double sum = 0;
    for (double rate :
        new double[] {errorRate, timeoutRate, emptyResponseRate, abandonedStreamRate}) {
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException("fault rates must be within [0, 1]: " + rate);
      }
      sum += rate;
    }
    if (sum > 1) {
      throw new IllegalArgumentException("fault rates add up to more than 1: " + sum);
    }
    if (usersPerProject < 1) {
      throw new IllegalArgumentException("usersPerProject must be at least 1");
    }
  }

  /** The defaults with the given seed. */
  public static DemoTrafficConfig defaults(long seed) {
    return new DemoTrafficConfig(
        seed, DEFAULT_START_MICROS, 5, DemoTraffic.projectNames(), 0.005, 0.001, 0.001, 0.003, 500);
  }

  /** This configuration limited to some projects. */
  public DemoTrafficConfig withProjects(List<String> names) {
    return new DemoTrafficConfig(
        seed,
        startMicros,
        tracesPerSecond,
        names,
        errorRate,
        timeoutRate,
        emptyResponseRate,
        abandonedStreamRate,
        usersPerProject);
  }

  /** This configuration with other natural fault rates (all zero: clean traffic). */
  public DemoTrafficConfig withFaultRates(
      double error, double timeout, double emptyResponse, double abandonedStream) {
    return new DemoTrafficConfig(
        seed,
        startMicros,
        tracesPerSecond,
        projects,
        error,
        timeout,
        emptyResponse,
        abandonedStream,
        usersPerProject);
  }

  /** This configuration with the generator's clock starting elsewhere, at another rate. */
  public DemoTrafficConfig withClock(long start, double perSecond) {
    return new DemoTrafficConfig(
        seed,
        start,
        perSecond,
        projects,
        errorRate,
        timeoutRate,
        emptyResponseRate,
        abandonedStreamRate,
        usersPerProject);
  }
}
