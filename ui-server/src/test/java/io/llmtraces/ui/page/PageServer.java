package io.llmtraces.ui.page;

import io.javalin.Javalin;
import io.llmtraces.ui.UiOptions;
import io.llmtraces.ui.UiServer;
import io.llmtraces.ui.auth.UserStore;
import io.llmtraces.ui.testing.TestWarehouse;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The real page server ({@link UiServer}) over a {@link TestWarehouse} on disk, on a free port.
 * {@link #start} runs with authentication off (the page tests about traces); {@link #withAuth}
 * with it on, users and keys in {@link #users} (a {@code users.json} next to the warehouse).
 */
final class PageServer implements AutoCloseable {
  /** The OTLP receiver's port the generated configurations name (no receiver runs in page tests). */
  static final int OTLP_PORT = 4318;

  final TestWarehouse warehouse;
  final UserStore users;
  final Javalin app;
  final String url;

  private PageServer(TestWarehouse warehouse, UserStore users, Javalin app) {
    this.warehouse = warehouse;
    this.users = users;
    this.app = app;
    this.url = "http://127.0.0.1:" + app.port();
  }

  /** Starts a server without authentication over a new warehouse in {@code dir}, filled with {@code data} (null: empty tables). */
  static PageServer start(Path dir, PageData data) {
    return start(dir, data, false);
  }

  /** Starts a server with authentication on; add users to {@link #users} (read at once by the server). */
  static PageServer withAuth(Path dir, PageData data) {
    return start(dir, data, true);
  }

  private static PageServer start(Path dir, PageData data, boolean auth) {
    TestWarehouse warehouse = TestWarehouse.create(dir);
    if (data != null) {
      data.writeTo(warehouse);
    }
    UiOptions options = UiOptions.parse("--host", "127.0.0.1", "--port", "0", "--warehouse", dir.toString(),
        "--data-dir", dir.resolveSibling(dir.getFileName() + "-data").toString(), "--auth", auth ? "on" : "off");
    UserStore users = new UserStore(options.usersFile(), Clock.systemUTC());
    Javalin app = UiServer.create(options, warehouse.catalog(), users, () -> OTLP_PORT).start();
    return new PageServer(warehouse, users, app);
  }

  @Override
  public void close() {
    app.stop();
  }
}
