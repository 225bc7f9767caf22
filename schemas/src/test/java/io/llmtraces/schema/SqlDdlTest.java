package io.llmtraces.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

/** The checked-in DDL and README describe exactly the schema in code. */
class SqlDdlTest {
  private static final Path MODULE = Path.of(System.getProperty("user.dir"));

  @Test
  void checkedInDdlEqualsTheCode() throws IOException {
    String checkedIn = Files.readString(MODULE.resolve("src/main/resources/llm_traces.sql"));
    assertThat(checkedIn)
        .as("regenerate with: java -cp ... io.llmtraces.schema.SqlDdl > schemas/src/main/resources/llm_traces.sql")
        .isEqualTo(SqlDdl.render());
  }

  @Test
  void readmeDescribesEveryColumnOfBothTables() throws IOException {
    String readme = Files.readString(MODULE.resolve("README.md"));
    String traces = readme.substring(readme.indexOf("## traces"), readme.indexOf("## spans"));
    String spans = readme.substring(readme.indexOf("## spans"));
    assertDescribed(traces, TableSchemas.TRACES_SCHEMA);
    assertDescribed(spans, TableSchemas.SPANS_SCHEMA);
  }

  @Test
  void everyColumnHasADocAndIdsAreUnique() {
    for (Schema schema : new Schema[] {TableSchemas.TRACES_SCHEMA, TableSchemas.SPANS_SCHEMA}) {
      for (Types.NestedField f : schema.columns()) {
        assertThat(f.doc()).as(f.name()).isNotBlank();
      }
      assertThat(schema.idToName()).hasSize(schema.columns().size() + nestedIds(schema));
    }
  }

  private static int nestedIds(Schema schema) {
    return (int) schema.columns().stream().mapToLong(f -> f.type().isNestedType() ? f.type().asNestedType().fields().size() : 0).sum();
  }

  private static void assertDescribed(String section, Schema schema) {
    for (Types.NestedField f : schema.columns()) {
      assertThat(section).as("README row for " + f.name()).contains("| `" + f.name() + "` |");
    }
  }
}
