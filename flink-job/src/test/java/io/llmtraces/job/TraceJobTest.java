package io.llmtraces.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.junit.jupiter.api.Test;

/** The environment the job sets up for itself (the job's run is tested by TraceJobIT). */
class TraceJobTest {

  private static ReadableConfig environment(String... args) {
    return TraceJob.environment(JobOptions.parse(args)).getConfiguration();
  }

  @Test
  void rocksDbStateTakesIncrementalCheckpoints() {
    ReadableConfig rocks = environment("--state-backend", "rocksdb");
    assertThat(rocks.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("rocksdb");
    assertThat(rocks.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS)).isTrue();

    ReadableConfig heap = environment();
    assertThat(heap.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("hashmap");
    assertThat(heap.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS)).isFalse();
  }

  @Test
  void aLocalRunGivesRocksDbManagedMemoryToWorkIn() {
    ReadableConfig rocks = environment("--local", "--resume", "false", "--state-backend", "rocksdb");
    assertThat(rocks.get(TaskManagerOptions.MANAGED_MEMORY_SIZE)).isEqualTo(MemorySize.ofMebiBytes(512));
    ReadableConfig heap = environment("--local", "--resume", "false");
    assertThat(heap.getOptional(TaskManagerOptions.MANAGED_MEMORY_SIZE)).isEmpty();
  }

  @Test
  void noKryoAndNoDefensiveCopies() {
    ReadableConfig conf = environment();
    assertThat(conf.get(PipelineOptions.GENERIC_TYPES)).isFalse();
    assertThat(conf.get(PipelineOptions.OBJECT_REUSE)).isTrue();
  }
}
