package io.llmtraces.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.llmtraces.ui.auth.Credentials;
import io.llmtraces.ui.auth.Principal;
import io.llmtraces.ui.auth.Sessions;
import io.llmtraces.ui.auth.UserStore;
import io.llmtraces.ui.query.BadRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Login for the page and its API. Every {@code /api/*} call needs a session cookie (from
 * {@code POST /api/login}) or a key in the headers the receiver also takes (bearer or iftracer's);
 * without, 401 {@code {"error"}}. The principal found is left on the request for the handlers,
 * which show only the projects its key allows. With authentication off everyone is
 * {@link Principal#ANONYMOUS}, allowed everything.
 */
public final class AuthApi {
  public static final String COOKIE = "llmtraces_session";
  private static final String PRINCIPAL = "principal";

  /** A request without a valid session or key: 401. */
  public static final class Unauthorized extends RuntimeException {
    Unauthorized(String message) {
      super(message, null, false, false);
    }
  }

  private final boolean enabled;
  private final UserStore users;
  private final Sessions sessions;
  private final ObjectMapper json;

  public AuthApi(boolean enabled, UserStore users, Sessions sessions, ObjectMapper json) {
    this.enabled = enabled;
    this.users = users;
    this.sessions = sessions;
    this.json = json;
  }

  public void register(RoutesConfig routes) {
    routes.before("/api/*", this::guard);
    routes.post("/api/login", this::login);
    routes.post("/api/logout", this::logout);
    routes.get("/api/me", ctx -> ctx.json(me(principal(ctx))));
    routes.exception(Unauthorized.class, (e, ctx) -> ctx.status(401).json(Map.of("error", e.getMessage())));
  }

  /** Who the request acts for; set by the guard before any {@code /api/*} handler runs. */
  public static Principal principal(Context ctx) {
    Principal p = ctx.attribute(PRINCIPAL);
    if (p == null) {
      throw new Unauthorized("not signed in");
    }
    return p;
  }

  private void guard(Context ctx) {
    if (!enabled) {
      ctx.attribute(PRINCIPAL, Principal.ANONYMOUS);
      return;
    }
    if (ctx.path().equals("/api/login") || ctx.path().equals("/api/logout")) {
      return;
    }
    Principal p = sessions.principal(ctx.cookie(COOKIE));
    if (p == null) {
      Credentials c = Credentials.from(ctx::header);
      p = c.key() == null ? null : users.authenticate(c.user(), c.key());
    }
    if (p == null) {
      throw new Unauthorized("not signed in: POST /api/login, or send Authorization: Bearer <key>");
    }
    ctx.attribute(PRINCIPAL, p);
  }

  private void login(Context ctx) {
    if (!enabled) {
      ctx.json(me(Principal.ANONYMOUS));
      return;
    }
    String user;
    String key;
    if (ctx.contentType() != null && ctx.contentType().startsWith("application/json")) {
      JsonNode body;
      try {
        body = json.readTree(ctx.bodyAsBytes());
      } catch (IOException e) {
        throw new BadRequest("the login body is not JSON: send {\"user\": ..., \"key\": ...}");
      }
      user = body == null ? null : body.path("user").asText(null);
      key = body == null ? null : body.path("key").asText(null);
    } else {
      user = ctx.formParam("user");
      key = ctx.formParam("key");
    }
    Principal p = user == null || key == null ? null : users.authenticate(user.strip(), key.strip());
    if (p == null) {
      throw new Unauthorized("wrong user name or key");
    }
    String id = sessions.start(p);
    ctx.header("Set-Cookie", cookie(ctx, id, sessions.ttl().toSeconds()));
    ctx.json(me(p));
  }

  private void logout(Context ctx) {
    sessions.end(ctx.cookie(COOKIE));
    ctx.header("Set-Cookie", cookie(ctx, "", 0));
    ctx.json(Map.of());
  }

  /**
   * HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it, so no CSRF),
   * Secure when the page is served over https (directly or behind a proxy saying so).
   */
  private static String cookie(Context ctx, String value, long maxAgeSeconds) {
    boolean https = "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    return COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict" + (https ? "; Secure" : "");
  }

  private Map<String, Object> me(Principal p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("user", p.user());
    m.put("keyId", p.keyId());
    m.put("projects", p.projects().patterns());
    m.put("authEnabled", enabled);
    return m;
  }
}
