package io.llmtraces.ui.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserStoreTest {
  @TempDir Path dir;

  @Test
  void keysAreCheckedAgainstSaltedHashesOnly() throws Exception {
    UserStore store = new UserStore(dir.resolve("users.json"), Clock.systemUTC());
    UserStore.NewKey alice = store.add("alice", ProjectPatterns.of("acme-*"));
    UserStore.NewKey bob = store.add("bob", ProjectPatterns.of("*"));
    assertThat(alice.key()).matches("[A-Za-z0-9_-]{43}");

    String file = Files.readString(dir.resolve("users.json"));
    assertThat(file).doesNotContain(alice.key()).doesNotContain(bob.key()).contains("\"acme-*\"");
    assertThat(Files.getPosixFilePermissions(dir.resolve("users.json"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));

    assertThat(store.authenticate("alice", alice.key()).projects().patterns()).containsExactly("acme-*");
    assertThat(store.authenticate(null, alice.key()).user()).isEqualTo("alice");
    assertThat(store.authenticate("bob", alice.key())).as("another user's key").isNull();
    assertThat(store.authenticate("alice", alice.key() + "x")).isNull();
    assertThat(store.authenticate("alice", null)).isNull();
    // The same key twice gets different salts: equal keys do not show in the file.
    assertThat(alice.stored().salt()).isNotEqualTo(bob.stored().salt());
  }

  @Test
  void aRunningServerSeesEditsAndRevocations() throws Exception {
    Path file = dir.resolve("users.json");
    UserStore server = new UserStore(file, Clock.systemUTC());
    UserStore cli = new UserStore(file, Clock.systemUTC());
    UserStore.NewKey k = cli.add("carol", ProjectPatterns.ALL);
    Thread.sleep(1100);
    assertThat(server.authenticate("carol", k.key())).isNotNull();
    assertThat(server.principalForKey(k.stored().id())).isNotNull();

    Sessions sessions = new Sessions(server, Duration.ofHours(1), Clock.systemUTC());
    String session = sessions.start(server.authenticate("carol", k.key()));
    assertThat(sessions.principal(session).user()).isEqualTo("carol");

    assertThat(cli.revoke("carol", null)).isEqualTo(1);
    Thread.sleep(1100);
    assertThat(server.authenticate("carol", k.key())).isNull();
    assertThat(sessions.principal(session)).as("a revoked key ends its sessions").isNull();
  }

  @Test
  void sessionsExpire() {
    UserStore store = new UserStore(dir.resolve("users.json"), Clock.systemUTC());
    UserStore.NewKey k = store.add("dave", ProjectPatterns.ALL);
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    Sessions s1 = new Sessions(store, Duration.ofHours(12), Clock.fixed(t0, ZoneOffset.UTC));
    String id = s1.start(k.stored().principal());
    assertThat(id).matches("[A-Za-z0-9_-]{43}");
    Sessions later = new Sessions(store, Duration.ofHours(12), Clock.fixed(t0.plus(Duration.ofHours(13)), ZoneOffset.UTC));
    assertThat(later.principal(id)).isNull();
    assertThat(s1.principal(id).user()).isEqualTo("dave");
    s1.end(id);
    assertThat(s1.principal(id)).isNull();
  }

  @Test
  void theCommandAddsListsAndRevokes() {
    String dataDir = dir.toString();
    Out add = run("--data-dir", dataDir, "add", "erin", "--projects", "acme-*,billing");
    assertThat(add.status).isZero();
    String key = add.text.lines().filter(l -> l.startsWith("key")).findFirst().orElseThrow().replaceAll(".*: ", "");
    UserStore store = new UserStore(dir.resolve("users.json"), Clock.systemUTC());
    assertThat(store.authenticate("erin", key).projects().patterns()).containsExactly("acme-*", "billing");

    Out list = run("--data-dir", dataDir, "list");
    assertThat(list.text).contains("erin").contains("acme-*,billing").doesNotContain(key);

    assertThat(run("--data-dir", dataDir, "revoke", "erin").status).isZero();
    assertThat(run("--data-dir", dataDir, "revoke", "erin").status).isEqualTo(1);
    assertThat(run("--data-dir", dataDir, "add", "bad name").status).isEqualTo(2);
    assertThat(run("--data-dir", dataDir, "add", "frank", "--projects", "a*b").status).isEqualTo(2);
    assertThat(run("--data-dir", dataDir, "fly").status).isEqualTo(2);
  }

  private record Out(int status, String text) {}

  private static Out run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    int status = UsersCli.run(args, ps, ps);
    return new Out(status, out.toString(StandardCharsets.UTF_8));
  }
}
