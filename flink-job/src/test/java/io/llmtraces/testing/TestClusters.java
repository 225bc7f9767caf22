package io.llmtraces.testing;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** The Flink MiniCluster every job integration test runs on. */
public final class TestClusters {
  private TestClusters() {}

  /**
   * One TaskManager with 2 slots; restarts off, because with checkpointing a failing job in a
   * MiniCluster would otherwise restart for ever and the test would hang instead of failing.
   */
  public static MiniClusterExtension miniCluster() {
    return new MiniClusterExtension(
        new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .setConfiguration(new Configuration().set(RestartStrategyOptions.RESTART_STRATEGY, "none"))
            .build());
  }
}
