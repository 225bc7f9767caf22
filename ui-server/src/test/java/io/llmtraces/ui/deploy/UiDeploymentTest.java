package io.llmtraces.ui.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.llmtraces.ui.UiOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** deploy/kubernetes/ui-server.yaml: the page server's arguments parse, and the Service reaches its port. */
class UiDeploymentTest {
  private static final Path MANIFEST = Path.of("..", "deploy", "kubernetes", "ui-server.yaml");

  @Test
  void theDeploymentsArgumentsParseAndTheServiceReachesThePort() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<JsonNode> docs = yaml.readValues(yaml.getFactory().createParser(MANIFEST.toFile()), JsonNode.class).readAll();
    JsonNode deployment = docs.stream().filter(d -> d.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
    JsonNode service = docs.stream().filter(d -> d.path("kind").asText().equals("Service")).findFirst().orElseThrow();

    JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
    List<String> args = new ArrayList<>();
    container.path("args").forEach(a -> args.add(a.asText()));
    UiOptions options = UiOptions.parse(args.toArray(String[]::new));
    assertThat(options.host()).as("reachable from other pods").isEqualTo("0.0.0.0");
    assertThat(options.catalog().type()).isEqualTo("rest");
    assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(options.port());

    String portName = container.path("ports").get(0).path("name").asText();
    assertThat(service.path("spec").path("ports").get(0).path("targetPort").asText()).isEqualTo(portName);
    assertThat(service.path("spec").path("selector")).isEqualTo(deployment.path("spec").path("selector").path("matchLabels"));
  }
}
