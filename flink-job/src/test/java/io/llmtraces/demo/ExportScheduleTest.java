package io.llmtraces.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExportScheduleTest {

  @Test
  void releasesRequestsInSendOrderWhenDue() {
    DemoTraffic traffic = new DemoTraffic(DemoTrafficConfig.defaults(2));
    ExportSchedule schedule = new ExportSchedule(1_000_000);
    long total = 0;
    for (int i = 0; i < 100; i++) {
      GeneratedTrace t = traffic.next(1_000_000L * i);
      schedule.add(t);
      total += t.spanCount();
    }
    assertThat(schedule.pendingSpans()).isEqualTo(total);
    List<ExportSchedule.Pending> due = schedule.pollDue(30_000_000L);
    assertThat(due).isNotEmpty();
    long previous = Long.MIN_VALUE;
    for (ExportSchedule.Pending p : due) {
      assertThat(p.export().sentAtMicros())
          .isLessThanOrEqualTo(30_000_000L)
          .isGreaterThanOrEqualTo(previous);
      previous = p.export().sentAtMicros();
    }
    List<ExportSchedule.Pending> rest = schedule.drain();
    assertThat(rest)
        .allSatisfy(p -> assertThat(p.export().sentAtMicros()).isGreaterThan(30_000_000L));
    assertThat(schedule.pendingSpans()).isZero();
  }

  @Test
  void sendsEarlyRatherThanHoldingTooMuch() {
    DemoTraffic traffic = new DemoTraffic(DemoTrafficConfig.defaults(2));
    ExportSchedule schedule = new ExportSchedule(100);
    for (int i = 0; i < 100; i++) {
      schedule.add(traffic.next(0));
    }
    schedule.pollDue(Long.MIN_VALUE);
    assertThat(schedule.pendingSpans()).isLessThanOrEqualTo(100);
  }
}
