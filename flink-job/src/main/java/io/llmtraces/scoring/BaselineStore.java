package io.llmtraces.scoring;

import io.llmtraces.baseline.Baseline;

/** Where a project's baselines live: Flink keyed state in the job, a map in tests. */
public interface BaselineStore {
  /** The baseline of a key, or null when the key has none yet. */
  Baseline get(String key) throws Exception;

  void put(String key, Baseline baseline) throws Exception;
}
