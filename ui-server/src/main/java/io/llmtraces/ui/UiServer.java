package io.llmtraces.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.llmtraces.schema.CatalogSettings;
import io.llmtraces.schema.IcebergTables;
import io.llmtraces.ui.api.TraceApi;
import io.llmtraces.ui.query.TraceStore;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;

/** The traces page and its JSON API over the Iceberg tables. {@code main} takes {@link UiOptions}. */
public final class UiServer {
  /** Light trace rows kept in memory (about 200 bytes each). */
  static final long MAX_CACHED_TRACE_ROWS = 5_000_000;

  private UiServer() {}

  public static void main(String[] args) {
    UiOptions options = UiOptions.parse(args);
    Javalin app = create(options, open(options.catalog()));
    app.start(options.host(), options.port());
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

  public static Javalin create(UiOptions options, Catalog catalog) {
    ObjectMapper json =
        new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    TraceApi api = new TraceApi(new TraceStore(catalog, MAX_CACHED_TRACE_ROWS, 1000), Clock.systemUTC(), json);
    return Javalin.create(config -> {
      config.jsonMapper(new JavalinJackson(json, false));
      config.staticFiles.add("/public", Location.CLASSPATH);
      config.jetty.host = options.host();
      config.jetty.port = options.port();
      api.register(config.routes);
    });
  }
}
