package io.llmtraces.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoTrafficDeterminismTest {

  private static List<byte[]> bytes(DemoTraffic traffic, int traces) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < traces; i++) {
      for (ExportTraceServiceRequest r : traffic.next().requests()) {
        out.add(r.toByteArray());
      }
    }
    return out;
  }

  @Test
  void sameSeedGivesTheSameBytes() {
    List<byte[]> a = bytes(new DemoTraffic(DemoTrafficConfig.defaults(42)), 500);
    List<byte[]> b = bytes(new DemoTraffic(DemoTrafficConfig.defaults(42)), 500);
    assertThat(a).hasSameSizeAs(b);
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i)).isEqualTo(b.get(i));
    }
  }

  @Test
  void otherSeedGivesOtherTraces() {
    GeneratedTrace a = new DemoTraffic(DemoTrafficConfig.defaults(1)).next();
    GeneratedTrace b = new DemoTraffic(DemoTrafficConfig.defaults(2)).next();
    assertThat(a.traceIdHex()).isNotEqualTo(b.traceIdHex());
  }

  @Test
  void explicitStartTimesKeepTheContentOfTheOwnClock() {
    DemoTraffic own = new DemoTraffic(DemoTrafficConfig.defaults(7));
    DemoTraffic explicit = new DemoTraffic(DemoTrafficConfig.defaults(7));
    for (int i = 0; i < 50; i++) {
      GeneratedTrace a = own.next();
      GeneratedTrace b = explicit.next(a.startMicros());
      assertThat(b.traceIdHex()).isEqualTo(a.traceIdHex());
      assertThat(b.requests()).isEqualTo(a.requests());
    }
  }

  @Test
  void ownClockMovesForwardAtTheConfiguredRate() {
    DemoTrafficConfig config = DemoTrafficConfig.defaults(3).withClock(1_000_000_000_000L, 10);
    DemoTraffic traffic = new DemoTraffic(config);
    long previous = config.startMicros();
    GeneratedTrace last = null;
    for (int i = 0; i < 2_000; i++) {
      last = traffic.next();
      assertThat(last.startMicros()).isGreaterThanOrEqualTo(previous);
      previous = last.startMicros();
    }
    double seconds = (last.startMicros() - config.startMicros()) / 1e6;
    assertThat(seconds).isBetween(180.0, 220.0); // 2,000 arrivals at 10 per second
  }

  @Test
  void aMutatorThatDrawsButChangesNothingDoesNotShiftTheTraffic() {
    TraceMutator drawing = (plan, start, latency, rng) -> rng.nextDouble();
    List<byte[]> plain = bytes(new DemoTraffic(DemoTrafficConfig.defaults(9)), 300);
    List<byte[]> mutated = bytes(new DemoTraffic(DemoTrafficConfig.defaults(9), drawing), 300);
    assertThat(mutated).hasSameSizeAs(plain);
    for (int i = 0; i < plain.size(); i++) {
      assertThat(mutated.get(i)).isEqualTo(plain.get(i));
    }
  }

  @Test
  void projectsCanBeLimited() {
    DemoTrafficConfig config = DemoTrafficConfig.defaults(4).withProjects(List.of("research-agent"));
    DemoTraffic traffic = new DemoTraffic(config);
    for (int i = 0; i < 100; i++) {
      assertThat(traffic.next().project()).isEqualTo("research-agent");
    }
    assertThatThrownBy(
            () -> new DemoTraffic(DemoTrafficConfig.defaults(4).withProjects(List.of("nope"))))
        .hasMessageContaining("unknown project nope");
  }
}
