package io.llmtraces.ui.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logins kept in server memory: a random id (the cookie's value) names the user's key and an
 * expiry. A session lasts {@code ttl} from login; it ends earlier on logout or when its key is
 * revoked (checked on every use). A restart ends all sessions: users log in again.
 */
public final class Sessions {
  /** Expired sessions are swept when the map grows past this, so it cannot grow without bound. */
  private static final int SWEEP_ABOVE = 10_000;

  private record Session(String keyId, Instant expires) {}

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final UserStore users;
  private final Duration ttl;
  private final Clock clock;

  public Sessions(UserStore users, Duration ttl, Clock clock) {
    this.users = users;
    this.ttl = ttl;
    this.clock = clock;
  }

  public Duration ttl() {
    return ttl;
  }

  /** Starts a session for an authenticated principal; returns its id. */
  public String start(Principal principal) {
    if (sessions.size() > SWEEP_ABOVE) {
      Instant now = clock.instant();
      sessions.values().removeIf(s -> !s.expires().isAfter(now));
    }
    String id = ApiKeys.randomToken();
    sessions.put(id, new Session(principal.keyId(), clock.instant().plus(ttl)));
    return id;
  }

  /** The principal of a live session, or null (unknown, expired, or its key revoked). */
  public Principal principal(String id) {
    if (id == null) {
      return null;
    }
    Session s = sessions.get(id);
    if (s == null) {
      return null;
    }
    if (!s.expires().isAfter(clock.instant())) {
      sessions.remove(id);
      return null;
    }
    Principal p = users.principalForKey(s.keyId());
    if (p == null) {
      sessions.remove(id);
    }
    return p;
  }

  public void end(String id) {
    if (id != null) {
      sessions.remove(id);
    }
  }
}
