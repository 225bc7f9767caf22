package io.llmtraces.job;

import io.llmtraces.schema.IcebergTables;
import io.llmtraces.sink.Catalogs;
import io.llmtraces.sink.TableCare;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.flink.CatalogLoader;

/**
 * The second job: compacts the tables' small files and expires old snapshots while
 * {@link TraceJob} writes them. It takes the same arguments as TraceJob (it reads the catalog and
 * maintenance options, and ignores the rest), so one argument list serves both.
 *
 * <p>A job of its own, not operators inside TraceJob: Iceberg's maintenance records are not
 * Flink POJOs and need Kryo, which TraceJob keeps disabled; and a failing compaction must not
 * restart ingestion. Its state (trigger counters, the lock) is small and disposable, so it is
 * checkpointed in the JobManager's memory only: nothing of it lands beside TraceJob's
 * checkpoints, and after a fresh start it simply begins at the tables' current snapshots.
 *
 * <p>Two jobs commit to the same tables, so the catalog must commit atomically (jdbc, rest).
 */
public final class MaintenanceJob {
  public static final String JOB_NAME = "llm-traces-maintenance";

  private MaintenanceJob() {}

  public static void main(String[] args) throws Exception {
    JobOptions options = JobOptions.parse(args);
    StreamExecutionEnvironment env = environment(options);
    define(env, options);
    env.execute(JOB_NAME);
  }

  /** Starts the job without waiting for it (tests stop it themselves). */
  public static JobClient start(StreamExecutionEnvironment env, JobOptions options) throws Exception {
    define(env, options);
    return env.executeAsync(JOB_NAME);
  }

  public static StreamExecutionEnvironment environment(JobOptions options) {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "jobmanager");
    StreamExecutionEnvironment env =
        options.local()
            ? StreamExecutionEnvironment.createLocalEnvironment(conf)
            : StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(1);
    env.enableCheckpointing(options.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
    return env;
  }

  static void define(StreamExecutionEnvironment env, JobOptions options) {
    if (options.catalog().type().equals("hadoop")) {
      // Iceberg's directory catalog guards its check-then-rename commit with a lock inside one
      // JVM only: two jobs committing to one table could overwrite each other's commit.
      throw new IllegalArgumentException(
          "table maintenance beside the writing job needs a catalog with atomic commits:"
              + " --catalog-type jdbc (for example SQLite) or rest, not hadoop");
    }
    CatalogLoader catalog = Catalogs.loader(options.catalog());
    IcebergTables.ensure(catalog.loadCatalog());
    TableCare.append(env, catalog, options.maintenance());
  }
}
