package io.llmtraces.demo;

import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Who sends each trace: a fixed population of users per project, a few of them far more active than
 * the rest, each continuing a session for a few traces before starting a new one.
 */
final class UserSessions {
  /** The session and user of one trace. */
  record Visit(String sessionId, String userId) {}

  private static final double NEW_SESSION_SHARE = 0.3;

  private final int users;
  private final Map<String, long[]> sessionsByProject = new HashMap<>();

  UserSessions(int usersPerProject) {
    this.users = usersPerProject;
  }

  Visit next(String project, RandomGenerator rng) {
    double u = rng.nextDouble();
    int user = (int) (users * u * u); // squared: low user numbers are the heavy users
    boolean fresh = rng.nextDouble() < NEW_SESSION_SHARE;
    long candidate = rng.nextLong() | 1; // drawn every time so the stream stays aligned
    long[] sessions = sessionsByProject.computeIfAbsent(project, p -> new long[users]);
    if (sessions[user] == 0 || fresh) {
      sessions[user] = candidate;
    }
    return new Visit("sess-" + Ids.hex(sessions[user]), project + "-user-" + user);
  }
}
