package io.llmtraces.sink;

import java.time.Duration;

/**
 * How {@code MaintenanceJob} keeps the tables fast: compaction of small files and expiry of old
 * snapshots.
 *
 * @param compactEveryCommits rewrite a table's small files after this many commits to it (10)
 * @param targetFileBytes the size compaction aims for (128 MiB)
 * @param expireEveryCommits expire snapshots after this many commits to a table (60)
 * @param snapshotRetention snapshots younger than this are kept (24 h)
 * @param retainSnapshots the newest snapshots kept whatever their age (100); at least 2, so that
 *     the sink's own latest commit, which it looks up after a restart, always survives
 * @param rateLimit at least this long between two maintenance runs on a table (60 s)
 */
public record MaintenanceOptions(
    int compactEveryCommits,
    long targetFileBytes,
    int expireEveryCommits,
    Duration snapshotRetention,
    int retainSnapshots,
    Duration rateLimit) {

  public static final MaintenanceOptions DEFAULTS =
      new MaintenanceOptions(10, 128L << 20, 60, Duration.ofHours(24), 100, Duration.ofSeconds(60));

  public MaintenanceOptions {
    if (compactEveryCommits < 1 || expireEveryCommits < 1) {
      throw new IllegalArgumentException("maintenance schedules count at least 1 commit");
    }
    // The committer finds its last commit by walking back from the newest snapshot; a
    // compaction commits at most once per run, so the snapshot before the newest is the
    // sink's own when the newest is a compaction's.
    if (retainSnapshots < 2) {
      throw new IllegalArgumentException("at least 2 snapshots must be retained");
    }
    if (targetFileBytes < 1 << 20) {
      throw new IllegalArgumentException("target file size must be at least 1 MiB");
    }
    if (snapshotRetention.isNegative() || rateLimit.isNegative() || rateLimit.isZero()) {
      throw new IllegalArgumentException("snapshot retention must not be negative, the rate limit positive");
    }
  }
}
