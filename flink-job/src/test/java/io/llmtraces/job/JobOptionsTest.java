package io.llmtraces.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmtraces.sink.MaintenanceOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobOptionsTest {
  @Test
  void checkpointsGoWhereTheClusterSaysUnlessToldOrLocal() {
    assertThat(JobOptions.parse().checkpointDir()).isNull();
    assertThat(JobOptions.parse("--local", "--data-dir", "/srv/d").checkpointDir()).isEqualTo("file:///srv/d/checkpoints");
    assertThat(JobOptions.parse("--checkpoint-dir", "s3://bucket/chk").checkpointDir()).isEqualTo("s3://bucket/chk");
    assertThat(JobOptions.parse("--checkpoint-dir", "/srv/chk").checkpointDir()).isEqualTo("file:///srv/chk");
  }

  @Test
  void maintenanceOptionsHaveDefaultsAndBounds() {
    assertThat(JobOptions.parse().maintenance()).isEqualTo(MaintenanceOptions.DEFAULTS);
    MaintenanceOptions m = JobOptions.parse("--compact-every-commits", "5", "--snapshot-retention-h", "0.5",
        "--retain-snapshots", "20", "--target-file-mb", "64", "--maintenance-rate-limit-s", "10").maintenance();
    assertThat(m.compactEveryCommits()).isEqualTo(5);
    assertThat(m.snapshotRetention()).isEqualTo(Duration.ofMinutes(30));
    assertThat(m.retainSnapshots()).isEqualTo(20);
    assertThat(m.targetFileBytes()).isEqualTo(64L << 20);
    assertThat(m.rateLimit()).isEqualTo(Duration.ofSeconds(10));
    assertThatThrownBy(() -> JobOptions.parse("--retain-snapshots", "1")).hasMessageContaining("at least 2 snapshots");
  }
}
