package io.llmtraces.demo;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded generator of realistic LLM agent traffic as OTLP export requests: several projects and
 * services, three attribute conventions, long-tailed latencies and natural faults. Pure: no I/O, no
 * clock, the same seed gives the same traces.
 *
 * <p>Each trace goes through fixed steps: shape (which spans, tokens, content), time (durations),
 * natural faults, the optional {@link TraceMutator} (injected anomalies), layout (absolute times),
 * render (OTLP spans) and batching into export requests.
 *
 * <p>Not thread-safe: use one instance per thread, with different seeds.
 */
public final class DemoTraffic {
  private static final List<Workflows> CATALOGUE =
      List.of(new SupportBotWorkflows(), new ResearchAgentWorkflows(), new DocsQaWorkflows());

  private final List<Workflows> apps = new ArrayList<>();
  private final double[] cumulativeWeights;
  private final SplittableRandom master;
  private final SplittableRandom arrivals;
  private final TraceMutator mutator;
  private final NaturalFaults naturalFaults;
  private final LatencyModel latency = new LatencyModel();
  private final Calls calls = new Calls(new TextPool());
  private final UserSessions users;
  private final SpanRenderer renderer = new SpanRenderer();
  private final ExportBatcher batcher = new ExportBatcher();
  private final double meanGapMicros;
  private long clockMicros;

  /** A generator of clean background traffic with natural faults only. */
  public DemoTraffic(DemoTrafficConfig config) {
    this(config, TraceMutator.NONE);
  }

  /** A generator whose traces also pass through {@code mutator} (anomaly injection). */
  public DemoTraffic(DemoTrafficConfig config, TraceMutator mutator) {
    for (String name : config.projects()) {
      apps.add(
          CATALOGUE.stream()
              .filter(w -> w.project().equals(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown project " + name + ", known: " + projectNames())));
    }
    cumulativeWeights = new double[apps.size()];
    double sum = 0;
    for (int i = 0; i < apps.size(); i++) {
      sum += apps.get(i).weight();
      cumulativeWeights[i] = sum;
    }
    this.master = new SplittableRandom(config.seed());
    // The arrival clock has its own stream: next() and next(time) give the same trace contents.
    this.arrivals = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
    this.mutator = mutator;
    this.naturalFaults = new NaturalFaults(config);
    this.users = new UserSessions(config.usersPerProject());
    this.clockMicros = config.startMicros();
    this.meanGapMicros = 1e6 / config.tracesPerSecond();
  }

  /** The names of the demo projects. */
  public static List<String> projectNames() {
    return CATALOGUE.stream().map(Workflows::project).toList();
  }

  /** The next trace, starting at the next Poisson arrival on the generator's own clock. */
  public GeneratedTrace next() {
    clockMicros += (long) (-Math.log(1 - arrivals.nextDouble()) * meanGapMicros);
    return next(clockMicros);
  }

  /** The next trace, its root starting at {@code traceStartMicros} (epoch microseconds). */
  public GeneratedTrace next(long traceStartMicros) {
    // Separate streams per step: a mutator's draws never shift the baseline traffic.
    SplittableRandom shapeRng = master.split();
    SplittableRandom faultRng = master.split();
    SplittableRandom mutatorRng = master.split();
    SplittableRandom exportRng = master.split();

    Workflows app = pick(shapeRng);
    UserSessions.Visit visit = users.next(app.project(), shapeRng);
    TracePlan plan = new TracePlan(app.project(), visit.sessionId(), visit.userId(), shapeRng);
    app.shape(plan, calls, shapeRng);
    latency.timeAll(plan, shapeRng);
    naturalFaults.mutate(plan, traceStartMicros, latency, faultRng);
    mutator.mutate(plan, traceStartMicros, latency, mutatorRng);
    TraceLayout.layout(plan.root(), traceStartMicros);

    ByteString traceId = Ids.bytes(plan.traceIdHigh(), plan.traceIdLow());
    List<SpanRenderer.Rendered> rendered = new ArrayList<>(16);
    long lastEnd = traceStartMicros;
    for (SpanPlan span : plan.spans()) {
      if (span.exported()) {
        rendered.add(renderer.render(span, plan, traceId));
        lastEnd = Math.max(lastEnd, span.endMicros());
      }
    }
    List<SpanExport> exports = batcher.batch(rendered, traceStartMicros, exportRng);
    return new GeneratedTrace(
        app.project(),
        plan.root().entityName(),
        plan.traceIdHex(),
        traceStartMicros,
        lastEnd,
        rendered.size(),
        exports,
        plan.faults());
  }

  private Workflows pick(SplittableRandom rng) {
    double r = rng.nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
    for (int i = 0; i < cumulativeWeights.length; i++) {
      if (r < cumulativeWeights[i]) {
        return apps.get(i);
      }
    }
    return apps.get(apps.size() - 1);
  }
}
