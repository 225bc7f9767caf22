package io.llmtraces.ui.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmtraces.schema.TableSchemas;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestWarehouseTest {
  @Test
  void writesRowsThatReadBack(@TempDir Path dir) throws Exception {
    TestWarehouse w = TestWarehouse.create(dir);
    Instant t = Instant.parse("2026-11-25T10:00:00Z");
    w.append(
        List.of(TraceRows.trace("acme", "0af7651916cd43dd8448eb211c80319c", t, 1200)),
        List.of(TraceRows.span("acme", "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", null, "chat.workflow", "workflow", t, 0, 1200)));
    try (var rows = IcebergGenerics.read(w.catalog().loadTable(TableSchemas.TRACES)).build()) {
      List<Record> all = new java.util.ArrayList<>();
      rows.forEach(all::add);
      assertThat(all).singleElement().satisfies(r -> assertThat(r.getField("duration_ms")).isEqualTo(1200.0));
    }
  }
}
