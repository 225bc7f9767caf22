package io.llmtraces.ui.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.llmtraces.ui.UiOptions;
import io.llmtraces.ui.auth.Principal;
import io.llmtraces.ui.auth.ProjectPatterns;
import io.llmtraces.ui.config.ConfigTemplates;
import io.llmtraces.ui.query.BadRequest;
import java.util.Arrays;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * {@code GET /api/ingest/config?kind=collector|collector-http|iftracer|otel-env&project=NAME}:
 * a ready-to-paste snippet for the signed-in user, the project, and this server's OTLP endpoint
 * ({@code --public-url}, else the page request's scheme and host with the receiver's port).
 * The project need not exist yet: projects appear with their first traces. A project the key may
 * not write gets 403.
 */
public final class IngestConfigApi {
  private final UiOptions options;
  private final IntSupplier otlpPort;

  /** @param otlpPort the receiver's port once bound (differs from the option when that is 0) */
  public IngestConfigApi(UiOptions options, IntSupplier otlpPort) {
    this.options = options;
    this.otlpPort = otlpPort;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/ingest/config", this::config);
  }

  private void config(Context ctx) {
    Principal p = AuthApi.principal(ctx);
    String kind = ctx.queryParam("kind");
    if (kind == null || !ConfigTemplates.KINDS.contains(kind)) {
      throw new BadRequest("kind must be one of " + ConfigTemplates.KINDS);
    }
    String project = ctx.queryParam("project");
    String problem = ProjectPatterns.validName(project);
    if (problem != null) {
      throw new BadRequest(problem);
    }
    if (!p.projects().allows(project)) {
      ctx.status(403).json(Map.of("error", "your key may not write project " + project + "; it allows " + p.projects().patterns()));
      return;
    }
    String endpoint = options.publicUrl() != null ? options.publicUrl() : ctx.scheme() + "://" + host(ctx) + ":" + otlpPort.getAsInt();
    var target =
        new ConfigTemplates.Target(endpoint, p.user(), project, Arrays.asList(options.bootstrapServers().split(",")), options.topic());
    ctx.json(ConfigTemplates.generate(kind, target));
  }

  /** The host name the browser used, without its port; IPv6 literals keep their brackets. */
  private static String host(Context ctx) {
    String name = ctx.req().getServerName();
    return name.contains(":") && !name.startsWith("[") ? "[" + name + "]" : name;
  }
}
