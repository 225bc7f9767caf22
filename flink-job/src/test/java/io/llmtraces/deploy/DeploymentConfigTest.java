package io.llmtraces.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.llmtraces.job.JobOptions;
import io.llmtraces.job.MaintenanceJob;
import io.llmtraces.job.TraceJob;
import io.llmtraces.testing.FlinkCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The deployment in deploy/ says what the operator, Strimzi and the job expect: manifests are
 * well-formed, the FlinkDeployment has the keys the operator reads, its job arguments parse,
 * and the topics it names exist with enough partitions; the single-host units hold together.
 */
class DeploymentConfigTest {
  private static final Path DEPLOY = FlinkCluster.projectRoot().resolve("deploy");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void everyManifestIsWellFormedAndNamed() throws IOException {
    List<JsonNode> docs = kubernetes();
    assertThat(docs).hasSizeGreaterThanOrEqualTo(8);
    assertThat(docs).allSatisfy(d -> {
      assertThat(d.path("apiVersion").asText()).isNotEmpty();
      assertThat(d.path("kind").asText()).isNotEmpty();
      assertThat(d.path("metadata").path("name").asText()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    });
  }

  @Test
  void theFlinkDeploymentHasWhatTheOperatorAndTheJobNeed() throws IOException {
    JsonNode deployment = flinkDeployment(TraceJob.class.getName());
    JsonNode spec = deployment.path("spec");
    assertThat(deployment.path("apiVersion").asText()).isEqualTo("flink.apache.org/v1beta1");
    assertThat(spec.path("flinkVersion").asText()).isEqualTo("v2_1");
    assertThat(spec.path("image").asText()).isNotEmpty();
    assertThat(spec.path("jobManager").path("resource").path("memory").asText()).isNotEmpty();
    assertThat(spec.path("taskManager").path("resource").path("memory").asText()).isNotEmpty();

    // The operator reads flinkConfiguration as a map of strings.
    Map<String, JsonNode> conf = fields(spec.path("flinkConfiguration"));
    assertThat(conf.values()).allSatisfy(v -> assertThat(v.isTextual()).as("quoted value").isTrue());
    assertThat(conf.get("execution.checkpointing.dir").asText()).startsWith("s3://");
    assertThat(conf.get("execution.checkpointing.savepoint-dir").asText()).startsWith("s3://");
    assertThat(conf.get("high-availability.type").asText()).isEqualTo("kubernetes");
    assertThat(conf.get("high-availability.storageDir").asText()).startsWith("s3://");
    assertThat(conf).containsKey("taskmanager.numberOfTaskSlots");
    // The same garbage collector as the scripts give every JVM that runs the job.
    String scripts = Files.readString(FlinkCluster.projectRoot().resolve("scripts/lib/common.sh"));
    java.util.regex.Matcher gc = java.util.regex.Pattern.compile("(?m)^JOB_GC_OPTS=\\((.*)\\)$").matcher(scripts);
    assertThat(gc.find()).as("JOB_GC_OPTS in scripts/lib/common.sh").isTrue();
    assertThat(conf.get("env.java.opts.taskmanager").asText()).isEqualTo(gc.group(1));

    JsonNode job = spec.path("job");
    assertThat(job.path("upgradeMode").asText()).isEqualTo("savepoint");
    assertThat(job.path("state").asText()).isEqualTo("running");
    assertThat(job.path("jarURI").asText()).startsWith("local:///").endsWith(".jar");
    assertThat(job.path("entryClass").asText()).isEqualTo(TraceJob.class.getName());
    JobOptions options = JobOptions.parse(args(job));
    assertThat(options.catalog().type()).isEqualTo("rest");
    assertThat(options.catalog().warehouse()).startsWith("s3://");
    assertThat(options.catalog().properties()).containsEntry("io-impl", "org.apache.iceberg.aws.s3.S3FileIO");
    assertThat(options.topicPartitions()).as("topics come from KafkaTopic resources").isZero();
    assertThat(options.checkpointDir()).as("the cluster's checkpoint dir applies").isNull();

    Map<String, JsonNode> topics = topics();
    assertThat(topics).containsKeys(options.topic(), options.deadLetterTopic());
    assertThat(job.path("parallelism").asInt())
        .as("no more subtasks than partitions to read")
        .isBetween(1, topics.get(options.topic()).path("spec").path("partitions").asInt());
  }

  @Test
  void maintenanceRunsAsItsOwnJobOnTheSameCatalog() throws IOException {
    JsonNode job = flinkDeployment(MaintenanceJob.class.getName()).path("spec").path("job");
    JobOptions maintenance = JobOptions.parse(args(job));
    JobOptions writer = JobOptions.parse(args(flinkDeployment(TraceJob.class.getName()).path("spec").path("job")));
    assertThat(maintenance.catalog()).isEqualTo(writer.catalog());
    assertThat(maintenance.catalog().type()).as("atomic commits").isIn("rest", "jdbc");
    assertThat(job.path("parallelism").asInt()).isEqualTo(1);
    assertThat(job.path("upgradeMode").asText()).as("its state is disposable").isEqualTo("stateless");
    assertThat(maintenance.maintenance().snapshotRetention()).isGreaterThanOrEqualTo(java.time.Duration.ofHours(1));
  }

  @Test
  void topicsHavePartitionsRetentionAndTheirCluster() throws IOException {
    assertThat(topics().values()).hasSize(2).allSatisfy(t -> {
      assertThat(t.path("apiVersion").asText()).isEqualTo("kafka.strimzi.io/v1beta2");
      assertThat(t.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isNotEmpty();
      assertThat(t.path("spec").path("partitions").asInt()).isPositive();
      assertThat(t.path("spec").path("replicas").asInt()).isPositive();
      assertThat(Long.parseLong(t.path("spec").path("config").path("retention.ms").asText())).isPositive();
    });
  }

  @Test
  void theSingleHostUnitsStartTheClusterAndSubmitTheJob() throws IOException {
    Path dir = DEPLOY.resolve("single-host");
    List<Path> units;
    try (Stream<Path> files = Files.list(dir)) {
      units = files.filter(p -> p.toString().endsWith(".service")).sorted().toList();
    }
    assertThat(units).extracting(p -> p.getFileName().toString()).contains(
        "llm-traces-jobmanager.service", "llm-traces-taskmanager.service", "llm-traces-job.service",
        "llm-traces-ui.service", "llm-traces-kafka.service", "llm-traces-maintenance.service");
    for (Path unit : units) {
      String text = Files.readString(unit);
      assertThat(text).as(unit.toString()).contains("[Unit]", "[Service]", "[Install]", "ExecStart=",
          "EnvironmentFile=/etc/llm-traces/llm-traces.env");
    }
    assertThat(Files.readString(dir.resolve("llm-traces-job.service"))).contains("scripts/cluster\" submit", "--resume");
    assertThat(Files.isExecutable(FlinkCluster.projectRoot().resolve("scripts/cluster"))).isTrue();

    Properties env = new Properties();
    env.load(Files.newBufferedReader(dir.resolve("llm-traces.env")));
    JobOptions options = JobOptions.parse(env.getProperty("JOB_ARGS").trim().split("\\s+"));
    assertThat(options.catalog().warehouse()).isEqualTo(env.getProperty("DATA_DIR") + "/warehouse");
    assertThat(options.catalog().type()).as("MaintenanceJob needs atomic commits").isEqualTo("jdbc");
    assertThat(Files.readString(dir.resolve("llm-traces-maintenance.service"))).contains("--entry-class " + MaintenanceJob.class.getName());
    assertThat(Integer.parseInt(env.getProperty("JOB_PARALLELISM"))).isBetween(1, options.topicPartitions());
  }

  private static Map<String, JsonNode> topics() throws IOException {
    return kubernetes().stream().filter(d -> d.path("kind").asText().equals("KafkaTopic"))
        .collect(Collectors.toMap(d -> d.path("spec").path("topicName").asText(), Function.identity()));
  }

  private static JsonNode flinkDeployment(String entryClass) throws IOException {
    List<JsonNode> found = kubernetes().stream()
        .filter(d -> d.path("kind").asText().equals("FlinkDeployment"))
        .filter(d -> d.path("spec").path("job").path("entryClass").asText().equals(entryClass))
        .toList();
    assertThat(found).as("FlinkDeployment of " + entryClass).hasSize(1);
    return found.get(0);
  }

  private static String[] args(JsonNode job) {
    List<String> args = new ArrayList<>();
    job.path("args").forEach(a -> args.add(a.asText()));
    return args.toArray(String[]::new);
  }

  private static Map<String, JsonNode> fields(JsonNode node) {
    Map<String, JsonNode> out = new java.util.TreeMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** Every YAML document under deploy/kubernetes. */
  private static List<JsonNode> kubernetes() throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (Stream<Path> files = Files.list(DEPLOY.resolve("kubernetes"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        YAML.readValues(YAML.getFactory().createParser(f.toFile()), JsonNode.class).readAll().stream()
            .filter(d -> !d.isNull() && !d.isMissingNode())
            .forEach(docs::add);
      }
    }
    return docs;
  }
}
