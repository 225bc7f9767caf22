package io.llmtraces.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A standalone Flink session cluster of real JobManager and TaskManager processes, started,
 * fed and stopped through {@code scripts/cluster}, so that tests exercise the script users run.
 * The cluster stops when {@link #close()} runs, and also when this JVM dies (the script's
 * watchdog), so that no process outlives a test run.
 */
public final class FlinkCluster implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path root;
  private final Path dir;
  private final int taskManagers;
  private final URI rest;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private FlinkCluster(Path root, Path dir, int taskManagers, int restPort) {
    this.root = root;
    this.dir = dir;
    this.taskManagers = taskManagers;
    this.rest = URI.create("http://localhost:" + restPort);
  }

  /** The project's root directory (Failsafe sets {@code project.root}; else the module's parent). */
  public static Path projectRoot() {
    return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
  }

  /** The shaded job jar this build made (Failsafe sets {@code job.jar}). */
  public static Path jobJar() {
    Path jar = Path.of(System.getProperty("job.jar", "target/flink-job-0.1.0-SNAPSHOT-job.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no job jar at " + jar + ": run the tests with mvn verify (package makes it)");
    }
    return jar;
  }

  /** Starts a cluster under {@code dir} on free ports; {@code conf} adds or overrides settings. */
  public static FlinkCluster start(Path dir, int taskManagers, int slots, Map<String, String> conf) {
    int restPort = freePort();
    FlinkCluster cluster = new FlinkCluster(projectRoot(), dir, taskManagers, restPort);
    List<String> args = new ArrayList<>(List.of(
        "start", "--rest-port", Integer.toString(restPort), "--rpc-port", Integer.toString(freePort()),
        "--taskmanagers", Integer.toString(taskManagers), "--slots", Integer.toString(slots),
        "--stop-with-pid", Long.toString(ProcessHandle.current().pid())));
    conf.forEach((k, v) -> args.addAll(List.of("--conf", k + "=" + v)));
    cluster.script(args);
    return cluster;
  }

  /** Submits TraceJob from the job jar; {@code savepoint} may be null. Returns the job id. */
  public String submit(String savepoint, int parallelism, List<String> jobArgs) {
    return submit("io.llmtraces.job.TraceJob", savepoint, parallelism, jobArgs);
  }

  /** Submits another entry class of the job jar, without state. Returns the job id. */
  public String submitEntry(String entryClass, int parallelism, List<String> jobArgs) {
    return submit(entryClass, null, parallelism, jobArgs);
  }

  private String submit(String entryClass, String savepoint, int parallelism, List<String> jobArgs) {
    List<String> args = new ArrayList<>(List.of(
        "submit", "--jar", jobJar().toString(), "--entry-class", entryClass, "--parallelism", Integer.toString(parallelism)));
    if (savepoint != null) {
      args.addAll(List.of("--from-savepoint", savepoint));
    }
    args.add("--");
    args.addAll(jobArgs);
    return script(args);
  }

  /** Stops the job with a savepoint; returns the savepoint's path. */
  public String stopWithSavepoint(String jobId) {
    return script(List.of("stop-job", jobId));
  }

  public void cancel(String jobId) {
    script(List.of("cancel", jobId));
  }

  /** Starts the TaskManagers that are not running (after one was killed). */
  public void startMissingTaskManagers() {
    script(List.of("start", "--taskmanagers", Integer.toString(taskManagers)));
  }

  /** The process of TaskManager {@code n} (1-based), from the script's pid file. */
  public ProcessHandle taskManager(int n) throws IOException {
    long pid = Long.parseLong(Files.readString(dir.resolve("taskmanager-" + n + ".pid")).trim());
    return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("TaskManager " + n + " is not running"));
  }

  public JsonNode get(String path) {
    try {
      HttpResponse<String> response =
          http.send(HttpRequest.newBuilder(rest.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public String jobState(String jobId) {
    return get("/jobs/" + jobId).path("state").asText();
  }

  /** Completed checkpoints of the job so far. */
  public long completedCheckpoints(String jobId) {
    return get("/jobs/" + jobId + "/checkpoints").path("counts").path("completed").asLong();
  }

  /** How often the job was restored from a checkpoint (recoveries after failures). */
  public long restoredCheckpoints(String jobId) {
    return get("/jobs/" + jobId + "/checkpoints").path("counts").path("restored").asLong();
  }

  /** Waits until the job reaches the state; fails when it ends in another. */
  public void awaitState(String jobId, String state, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String current = jobState(jobId);
    while (!current.equals(state)) {
      if (List.of("FAILED", "CANCELED", "FINISHED").contains(current) || System.nanoTime() > deadline) {
        throw new AssertionError("job " + jobId + " is " + current + ", expected " + state + "; logs in " + dir.resolve("logs"));
      }
      Thread.sleep(500);
      current = jobState(jobId);
    }
  }

  /** Waits until the job has completed {@code count} more checkpoints than now. */
  public void awaitCheckpoints(String jobId, int count, Duration timeout) throws InterruptedException {
    long target = completedCheckpoints(jobId) + count;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (completedCheckpoints(jobId) < target) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("job " + jobId + " completed no " + count + " checkpoints in " + timeout);
      }
      Thread.sleep(500);
    }
  }

  @Override
  public void close() {
    script(List.of("stop"));
  }

  /** Runs scripts/cluster with --dir; returns the last line it printed on stdout. */
  private String script(List<String> args) {
    List<String> command = new ArrayList<>(List.of("bash", root.resolve("scripts/cluster").toString()));
    command.add(args.get(0));
    command.addAll(List.of("--dir", dir.toString()));
    command.addAll(args.subList(1, args.size()));
    try {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IllegalStateException("scripts/cluster " + args.get(0) + " failed; logs in " + dir.resolve("logs"));
      }
      String[] lines = out.split("\n");
      return lines[lines.length - 1];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
