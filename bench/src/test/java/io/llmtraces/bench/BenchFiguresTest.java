package io.llmtraces.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmtraces.demo.DemoTraffic;
import io.llmtraces.demo.DemoTrafficConfig;
import io.llmtraces.demo.GeneratedTrace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The arithmetic and parsing behind the benchmark's figures (no timings: those are the benchmark's). */
class BenchFiguresTest {

  @Test
  void cpuTicksAreUtimePlusStimeEvenWhenTheCommandNameHasSpacesAndParentheses() {
    String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 40 0 99 0 0";
    assertThat(ProcStats.cpuTicks(stat)).isEqualTo(1234 + 567);
  }

  @Test
  void statusValuesAreReadInKilobytes() {
    String status = "Name:\tjava\nVmPeak:\t 5000 kB\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n";
    assertThat(ProcStats.statusKb(status, "VmHWM:")).isEqualTo(204800);
    assertThat(ProcStats.statusKb(status, "VmRSS:")).isEqualTo(102400);
  }

  @Test
  void jitAndGcThreadsAreToldApartByTheirNames() {
    assertThat(ProcStats.isJit("C2 CompilerThre")).isTrue();
    assertThat(ProcStats.isJit("C1 CompilerThre")).isTrue();
    assertThat(ProcStats.isGc("GC Thread#1")).isTrue();
    assertThat(ProcStats.isGc("G1 Conc#0")).isTrue();
    assertThat(ProcStats.isGc("G1 Refine#0")).isTrue();
    assertThat(ProcStats.isJit("Span rows -> ic")).isFalse();
    assertThat(ProcStats.isGc("GcMonitor")).isFalse();
    // This JVM compiled something by now; its threads are listed under /proc/self/task.
    double[] jitAndGc = new ProcStats("self", 100).jitAndGcCpuSeconds();
    assertThat(jitAndGc[0]).isGreaterThanOrEqualTo(0);
    assertThat(jitAndGc[1]).isGreaterThanOrEqualTo(0);
    assertThat(jitAndGc[0] + jitAndGc[1]).isLessThanOrEqualTo(new ProcStats("self", 100).cpuSeconds());
  }

  @Test
  void percentilesAreNearestRank() {
    long[] sorted = new long[100];
    for (int i = 0; i < 100; i++) {
      sorted[i] = i + 1;
    }
    assertThat(FreshnessPhase.percentile(sorted, 50)).isEqualTo(50);
    assertThat(FreshnessPhase.percentile(sorted, 95)).isEqualTo(95);
    assertThat(FreshnessPhase.percentile(new long[] {7}, 95)).isEqualTo(7);
    assertThat(FreshnessPhase.percentile(new long[0], 50)).isZero();
  }

  @Test
  void resultsSurviveTheFileBetweenPhases(@TempDir Path dir) throws Exception {
    Results first = new Results(dir.resolve("r.properties"));
    first.put("a.count", 12L);
    first.put("a.rate", 1234.5678);
    first.save();
    Results second = new Results(dir.resolve("r.properties"));
    assertThat(second.number("a.count")).isEqualTo(12);
    assertThat(second.number("a.rate")).isEqualTo(1234.568);
  }

  @Test
  void rootedTrafficLeavesOutExactlyTheTracesWithoutARoot() {
    DemoTraffic all = new DemoTraffic(DemoTrafficConfig.defaults(7));
    long rootless = 0;
    long rootlessSpans = 0;
    for (int i = 0; i < 3000; i++) {
      GeneratedTrace t = all.next(DemoTrafficConfig.DEFAULT_START_MICROS);
      if (!RootedTraffic.hasRoot(t)) {
        rootless++;
        rootlessSpans += t.spanCount();
      }
    }
    RootedTraffic rooted = new RootedTraffic(7);
    for (int i = 0; i < 3000 - rootless; i++) {
      assertThat(RootedTraffic.hasRoot(rooted.next(DemoTrafficConfig.DEFAULT_START_MICROS))).isTrue();
    }
    assertThat(rooted.skippedTraces).isEqualTo(rootless);
    assertThat(rooted.skippedSpans).isEqualTo(rootlessSpans);
  }
}
