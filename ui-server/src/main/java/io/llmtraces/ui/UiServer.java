package io.llmtraces.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.llmtraces.schema.CatalogSettings;
import io.llmtraces.schema.IcebergTables;
import io.llmtraces.ui.api.AuthApi;
import io.llmtraces.ui.api.IngestConfigApi;
import io.llmtraces.ui.api.TraceApi;
import io.llmtraces.ui.auth.Sessions;
import io.llmtraces.ui.auth.UserStore;
import io.llmtraces.ui.ingest.KafkaPublisher;
import io.llmtraces.ui.ingest.OtlpReceiver;
import io.llmtraces.ui.query.TraceStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The traces page and its JSON API over the Iceberg tables, and the OTLP/HTTP receiver that
 * feeds Kafka, as two Javalin instances on two ports. {@code main} takes {@link UiOptions}.
 */
public final class UiServer {
  /** Light trace rows kept in memory (about 200 bytes each). */
  static final long MAX_CACHED_TRACE_ROWS = 5_000_000;
  private static final Logger LOG = LoggerFactory.getLogger(UiServer.class);

  /** A started server: stop it with {@link #close}. */
  public record Running(Javalin page, Javalin receiver, KafkaPublisher publisher) implements AutoCloseable {
    @Override
    public void close() {
      page.stop();
      receiver.stop();
      publisher.close();
    }
  }

  private UiServer() {}

  public static void main(String[] args) {
    UiOptions options = UiOptions.parse(args);
    Running running = start(options, open(options.catalog()));
    Runtime.getRuntime().addShutdownHook(new Thread(running::close, "ui-server-stop"));
  }

  /** Starts the receiver, then the page (which names the receiver's bound port in configs). */
  public static Running start(UiOptions options, Catalog catalog) {
    UserStore users = new UserStore(options.usersFile(), Clock.systemUTC());
    if (!options.auth()) {
      LOG.warn("authentication is OFF: anyone who reaches ports {} and {} on {} may read all projects and send spans",
          options.port(), options.otlpPort(), options.host());
    } else if (users.keys().isEmpty()) {
      LOG.warn("authentication is on but {} holds no keys: add one with scripts/users add NAME --projects '*'", users.file());
    }
    KafkaPublisher publisher =
        KafkaPublisher.create(
            KafkaPublisher.producerConfig(options.bootstrapServers(), options.kafkaTimeout(), options.maxRequestBytes(), options.maxPendingBytes()),
            options.topic(),
            options.maxPendingBytes());
    Javalin receiver = new OtlpReceiver(options, users, publisher).app().start();
    Javalin page = create(options, catalog, users, receiver::port).start();
    LOG.info("traces page on http://{}:{}, OTLP/HTTP receiver on http://{}:{}{} writing to {} topic {}",
        options.host(), page.port(), options.host(), receiver.port(), OtlpReceiver.PATH, options.bootstrapServers(), options.topic());
    return new Running(page, receiver, publisher);
  }

  public static Catalog open(CatalogSettings settings) {
    Map<String, String> props = new HashMap<>(settings.catalogProperties());
    // Every request plans against the manifests: keep them in memory (they never change).
    props.putIfAbsent("io.manifest.cache-enabled", "true");
    Catalog catalog = CatalogUtil.loadCatalog(settings.implementation(), CatalogSettings.CATALOG_NAME, props, new Configuration());
    // The page may start before the job ever ran: the tables it reads then exist, empty.
    IcebergTables.ensure(catalog);
    return catalog;
  }

  /** The page and its API alone, users from {@code options.usersFile()}. */
  public static Javalin create(UiOptions options, Catalog catalog) {
    return create(options, catalog, new UserStore(options.usersFile(), Clock.systemUTC()), options::otlpPort);
  }

  /** @param otlpPort the receiver's bound port, for generated configurations */
  public static Javalin create(UiOptions options, Catalog catalog, UserStore users, IntSupplier otlpPort) {
    ObjectMapper json =
        new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    TraceStore store = new TraceStore(catalog, MAX_CACHED_TRACE_ROWS, 1000);
    // Read the light columns of every data file once in the background, so that the first
    // person to open the page does not wait for it.
    Thread warmUp = new Thread(() -> {
      try {
        store.projects();
      } catch (RuntimeException e) {
        LoggerFactory.getLogger(UiServer.class).warn("warming the trace cache failed: {}", e.toString());
      }
    }, "trace-cache-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
    TraceApi api = new TraceApi(store, Clock.systemUTC(), json);
    AuthApi auth = new AuthApi(options.auth(), users, new Sessions(users, options.sessionTtl(), Clock.systemUTC()), json);
    IngestConfigApi ingestConfig = new IngestConfigApi(options, otlpPort);
    return Javalin.create(config -> {
      config.jsonMapper(new JavalinJackson(json, false));
      config.staticFiles.add("/public", Location.CLASSPATH);
      config.jetty.host = options.host();
      config.jetty.port = options.port();
      auth.register(config.routes);
      ingestConfig.register(config.routes);
      api.register(config.routes);
      config.routes.get(DOCS_PATH, UiServer::ingestDocs);
    });
  }

  /** Where the page links its "Deploy Agent documentation": docs/ingest.md, copied into the jar at build time. */
  static final String DOCS_PATH = "/docs/ingest.md";

  /** docs/ingest.md as plain text (readable as it is; no Markdown renderer, nothing to sanitize). */
  private static void ingestDocs(Context ctx) throws IOException {
    try (InputStream in = UiServer.class.getResourceAsStream(DOCS_PATH)) {
      if (in == null) {
        ctx.status(404).json(Map.of("error", "the documentation is not in this build: see docs/ingest.md in the repository"));
        return;
      }
      ctx.header("X-Content-Type-Options", "nosniff");
      ctx.contentType("text/plain; charset=utf-8").result(in.readAllBytes());
    }
  }
}
