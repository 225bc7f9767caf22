package io.llmtraces.ui.auth;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * One key as {@code users.json} keeps it: its owner, a public id, the salted hash (never the key)
 * and the project patterns it allows.
 */
public record StoredKey(String user, String id, String salt, String hash, List<String> projects, Instant created) {
  public StoredKey {
    projects = List.copyOf(projects);
  }

  public static StoredKey create(String user, String key, ProjectPatterns projects, Instant now) {
    byte[] salt = ApiKeys.newSalt();
    Base64.Encoder b64 = Base64.getEncoder();
    return new StoredKey(user, ApiKeys.newKeyId(), b64.encodeToString(salt), b64.encodeToString(ApiKeys.hash(salt, key)), projects.patterns(), now);
  }

  public boolean matches(String key) {
    Base64.Decoder b64 = Base64.getDecoder();
    return ApiKeys.matches(b64.decode(salt), b64.decode(hash), key);
  }

  public Principal principal() {
    return new Principal(user, id, new ProjectPatterns(projects));
  }
}
