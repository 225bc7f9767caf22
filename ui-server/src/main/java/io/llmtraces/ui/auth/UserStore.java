package io.llmtraces.ui.auth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Users and their keys in one JSON file ({@code users.json} under the data directory), which the
 * server owns: {@code scripts/users} edits it, a running server notices within a second.
 *
 * <p>Writes take a lock file (two edits at once cannot lose one) and replace the file atomically
 * (a reader never sees half a file). The file holds salted hashes only, and is readable by its
 * owner only.
 */
public final class UserStore {
  private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
  private static final long RECHECK_NANOS = 1_000_000_000L;
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.INDENT_OUTPUT);

  /** The file's shape. */
  record UsersFile(List<StoredKey> keys) {}

  private record Snapshot(List<StoredKey> keys, FileTime modified, long size) {}

  private final Path file;
  private final Clock clock;
  private volatile Snapshot snapshot;
  private volatile long checkedAt;

  public UserStore(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
    this.snapshot = load();
    this.checkedAt = System.nanoTime();
  }

  public Path file() {
    return file;
  }

  /** Every key, newest file state; for listings. */
  public List<StoredKey> keys() {
    return current().keys();
  }

  /**
   * The principal a key stands for, or null. With a user name (iftracer-sdk sends one) the key
   * must be that user's; without (a bearer key) any user's key matches.
   */
  public Principal authenticate(String user, String key) {
    if (key == null) {
      return null;
    }
    for (StoredKey k : current().keys()) {
      if ((user == null || user.equals(k.user())) && k.matches(key)) {
        return k.principal();
      }
    }
    return null;
  }

  /** The principal of a key still in the store, or null once revoked (ends its sessions). */
  public Principal principalForKey(String keyId) {
    for (StoredKey k : current().keys()) {
      if (k.id().equals(keyId)) {
        return k.principal();
      }
    }
    return null;
  }

  /** A key just made: the secret, seen only now, and what the store keeps of it. */
  public record NewKey(String key, StoredKey stored) {}

  /** Adds a key for a user (created if new) and returns it: the only time the key is seen. */
  public NewKey add(String user, ProjectPatterns projects) {
    if (!USER_NAME.matcher(user).matches()) {
      throw new IllegalArgumentException("user names are 1-64 of A-Z a-z 0-9 . _ @ -, not \"" + user + "\"");
    }
    String key = ApiKeys.newKey();
    StoredKey stored = StoredKey.create(user, key, projects, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    edit(keys -> {
      List<StoredKey> out = new ArrayList<>(keys);
      out.add(stored);
      return out;
    });
    return new NewKey(key, stored);
  }

  /** Removes a user's keys (all, or the one with {@code keyId}); returns how many went. */
  public int revoke(String user, String keyId) {
    int[] removed = {0};
    edit(keys -> {
      List<StoredKey> out = new ArrayList<>();
      for (StoredKey k : keys) {
        if (k.user().equals(user) && (keyId == null || k.id().equals(keyId))) {
          removed[0]++;
        } else {
          out.add(k);
        }
      }
      return out;
    });
    return removed[0];
  }

  private Snapshot current() {
    long now = System.nanoTime();
    if (now - checkedAt >= RECHECK_NANOS) {
      checkedAt = now;
      Snapshot s = snapshot;
      try {
        FileTime modified = Files.getLastModifiedTime(file);
        if (!modified.equals(s.modified()) || Files.size(file) != s.size()) {
          snapshot = load();
        }
      } catch (NoSuchFileException e) {
        snapshot = new Snapshot(List.of(), null, -1);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return snapshot;
  }

  private Snapshot load() {
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      byte[] bytes = Files.readAllBytes(file);
      UsersFile parsed = JSON.readValue(bytes, UsersFile.class);
      return new Snapshot(parsed.keys() == null ? List.of() : List.copyOf(parsed.keys()), modified, bytes.length);
    } catch (NoSuchFileException e) {
      return new Snapshot(List.of(), null, -1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private synchronized void edit(UnaryOperator<List<StoredKey>> change) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
      try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = lockChannel.lock()) {
        List<StoredKey> next = change.apply(load().keys());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".users-", ".json");
        ownerOnly(tmp);
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
          out.write(ByteBuffer.wrap(JSON.writeValueAsBytes(new UsersFile(next))));
          out.force(true);
        }
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      snapshot = load();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void ownerOnly(Path p) throws IOException {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the directory's permissions are all there is.
    }
  }
}
