package io.llmtraces.ui.auth;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code scripts/users}: add a key for a user (printed once), list users and keys (never the
 * keys themselves), revoke a user's keys or one key. Edits {@code <data-dir>/users.json}; a
 * running server picks the change up within a second.
 */
public final class UsersCli {
  static final String USAGE =
      """
      usage: scripts/users [--data-dir DIR] add USER [--projects PATTERN[,PATTERN...]]
             scripts/users [--data-dir DIR] list
             scripts/users [--data-dir DIR] revoke USER [--key KEY_ID]
        --data-dir  where users.json lives, the server's --data-dir (default ./data)
        --projects  projects the key may write and read: * (all, the default), prefix* or exact
                    names, comma-separated
        revoke      without --key removes all of the user's keys; their sessions end at once
      """;

  private UsersCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command; returns the exit status (0 ok, 1 nothing to do, 2 usage). */
  static int run(String[] argv, PrintStream out, PrintStream err) {
    List<String> args = new ArrayList<>(Arrays.asList(argv));
    try {
      Path dataDir = Path.of(option(args, "--data-dir", "data"));
      String projects = option(args, "--projects", "*");
      String keyId = option(args, "--key", null);
      UserStore store = new UserStore(dataDir.resolve("users.json"), Clock.systemUTC());
      String command = args.isEmpty() ? "" : args.get(0);
      if (command.equals("add") && args.size() == 2) {
        UserStore.NewKey added = store.add(args.get(1), new ProjectPatterns(List.of(projects.split(",", -1))));
        StoredKey stored = added.stored();
        out.println("added key " + stored.id() + " for " + stored.user() + ", projects " + stored.projects());
        out.println("key (shown only now; keep it secret): " + added.key());
        return 0;
      }
      if (command.equals("list") && args.size() == 1) {
        out.printf("%-24s %-10s %-24s %s%n", "USER", "KEY ID", "CREATED", "PROJECTS");
        for (StoredKey k : store.keys()) {
          out.printf("%-24s %-10s %-24s %s%n", k.user(), k.id(), k.created(), String.join(",", k.projects()));
        }
        return 0;
      }
      if (command.equals("revoke") && args.size() == 2) {
        int n = store.revoke(args.get(1), keyId);
        out.println("revoked " + n + " key" + (n == 1 ? "" : "s") + " of " + args.get(1));
        return n > 0 ? 0 : 1;
      }
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
    err.print(USAGE);
    return 2;
  }

  private static String option(List<String> args, String name, String fallback) {
    int i = args.indexOf(name);
    if (i < 0) {
      return fallback;
    }
    if (i + 1 >= args.size()) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    String value = args.get(i + 1);
    args.subList(i, i + 2).clear();
    return value;
  }
}
