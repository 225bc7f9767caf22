package io.llmtraces.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandLineTest {
  private static final Set<String> KNOWN = Set.of("data-dir", "catalog-type", "warehouse", "catalog-uri", "local", "port");

  @Test
  void theCatalogIsAHadoopWarehouseUnderTheDataDirUnlessNamed() {
    CommandLine plain = CommandLine.parse(new String[] {"--data-dir", "/tmp/d"}, KNOWN, false);
    assertThat(plain.catalog()).isEqualTo(CatalogSettings.hadoop(Path.of("/tmp/d/warehouse").toString()));

    CommandLine rest = CommandLine.parse(new String[] {
        "--catalog-type", "rest", "--catalog-uri", "http://catalog:8181", "--warehouse", "s3://w",
        "--catalog.property.credential", "id:secret"}, KNOWN, false);
    assertThat(rest.catalog())
        .isEqualTo(new CatalogSettings("rest", "s3://w", "http://catalog:8181", Map.of("credential", "id:secret")));
  }

  @Test
  void bareFlagsMeanTrueWhereAllowed() {
    CommandLine c = CommandLine.parse(new String[] {"--local", "--port", "9"}, KNOWN, true);
    assertThat(c.values()).isEqualTo(Map.of("local", "true", "port", "9"));
    assertThatThrownBy(() -> CommandLine.parse(new String[] {"--port"}, KNOWN, false))
        .hasMessage("expected --name value, got --port");
    assertThatThrownBy(() -> CommandLine.parse(new String[] {"port", "9"}, KNOWN, true))
        .hasMessage("expected --name, got port");
  }

  @Test
  void unknownOptionsAreRefusedWithTheKnownOnes() {
    assertThatThrownBy(() -> CommandLine.parse(new String[] {"--colour", "red"}, KNOWN, false))
        .hasMessageStartingWith("unknown option --colour; known: ");
  }
}
