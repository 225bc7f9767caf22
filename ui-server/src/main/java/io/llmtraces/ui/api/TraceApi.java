package io.llmtraces.ui.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.llmtraces.ui.auth.ProjectPatterns;
import io.llmtraces.ui.query.BadRequest;
import io.llmtraces.ui.query.NotFound;
import io.llmtraces.ui.query.TraceQuery;
import io.llmtraces.ui.query.TraceStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON API the page uses: thin handlers around {@link TraceStore} and {@link TraceQuery}.
 * Each caller sees only the projects its key allows ({@link AuthApi#principal}); any other
 * project answers 404 exactly as a project that does not exist, so its existence stays hidden.
 */
public final class TraceApi {
  private static final Logger LOG = LoggerFactory.getLogger(TraceApi.class);

  private final TraceStore store;
  private final Clock clock;
  private final ObjectMapper json;

  public TraceApi(TraceStore store, Clock clock, ObjectMapper json) {
    this.store = store;
    this.clock = clock;
    this.json = json;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/projects", ctx -> {
      ProjectPatterns allowed = AuthApi.principal(ctx).projects();
      ctx.json(store.projects().stream().filter(p -> allowed.allows(p.name())).toList());
    });
    routes.get("/api/traces", ctx -> {
      TraceQuery q = TraceQuery.parse(ctx.queryParamMap(), clock);
      requireVisible(ctx, q.project());
      ctx.json(TraceViews.page(store.list(q)));
    });
    routes.get("/api/traces/{traceId}", ctx -> ctx.json(TraceViews.detail(detail(ctx, false), false, json)));
    routes.get("/api/traces/{traceId}/json", this::download);
    routes.exception(BadRequest.class, (e, ctx) -> ctx.status(400).json(Map.of("error", e.getMessage())));
    routes.exception(NotFound.class, (e, ctx) -> ctx.status(404).json(Map.of("error", e.getMessage())));
    routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("request {} failed", ctx.path(), e);
      ctx.status(500).json(Map.of("error", "internal error: " + e.getClass().getSimpleName()));
    });
  }

  private io.llmtraces.ui.query.TraceDetail detail(Context ctx, boolean withJson) {
    for (String name : ctx.queryParamMap().keySet()) {
      if (!Set.of("project", "ts").contains(name)) {
        throw new BadRequest("unknown parameter " + name + "; known: [project, ts]");
      }
    }
    String project = ctx.queryParam("project");
    if (project == null || project.isBlank()) {
      throw new BadRequest("project is required");
    }
    String ts = ctx.queryParam("ts");
    Instant hint = ts == null || ts.isBlank() ? null : TraceQuery.parseInstant("ts", ts);
    requireVisible(ctx, project);
    return store.trace(project, ctx.pathParam("traceId"), hint, withJson);
  }

  private static void requireVisible(Context ctx, String project) {
    if (!AuthApi.principal(ctx).projects().allows(project)) {
      // The same answer as for a project that does not exist.
      throw new NotFound("no project " + project);
    }
  }

  private void download(Context ctx) throws Exception {
    String id = ctx.pathParam("traceId");
    var body = TraceViews.detail(detail(ctx, true), true, json);
    ctx.header("Content-Disposition", "attachment; filename=\"trace-" + id + ".json\"");
    ctx.contentType("application/json");
    ctx.result(json.writerWithDefaultPrettyPrinter().writeValueAsString(body));
  }
}
