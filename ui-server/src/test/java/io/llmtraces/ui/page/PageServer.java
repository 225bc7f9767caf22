package io.llmtraces.ui.page;

import io.javalin.Javalin;
import io.llmtraces.ui.UiOptions;
import io.llmtraces.ui.UiServer;
import io.llmtraces.ui.testing.TestWarehouse;
import java.nio.file.Path;

/** The real page server ({@link UiServer}) over a {@link TestWarehouse} on disk, on a free port. */
final class PageServer implements AutoCloseable {
  final TestWarehouse warehouse;
  final Javalin app;
  final String url;

  private PageServer(TestWarehouse warehouse, Javalin app) {
    this.warehouse = warehouse;
    this.app = app;
    this.url = "http://127.0.0.1:" + app.port();
  }

  /** Starts a server over a new warehouse in {@code dir}, filled with {@code data} (null: empty tables). */
  static PageServer start(Path dir, PageData data) {
    TestWarehouse warehouse = TestWarehouse.create(dir);
    if (data != null) {
      data.writeTo(warehouse);
    }
    UiOptions options = UiOptions.parse("--host", "127.0.0.1", "--port", "0", "--warehouse", dir.toString());
    Javalin app = UiServer.create(options, warehouse.catalog()).start();
    return new PageServer(warehouse, app);
  }

  @Override
  public void close() {
    app.stop();
  }
}
