package io.llmtraces.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the newest completed checkpoint under a checkpoint directory, to resume a local run. */
final class LatestCheckpoint {
  private LatestCheckpoint() {}

  /** A checkpoint is complete when its {@code _metadata} file exists. */
  static Optional<Path> find(Path checkpointDir) {
    if (!Files.isDirectory(checkpointDir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.find(checkpointDir, 3, (p, attrs) -> p.getFileName().toString().equals("_metadata"))) {
      return files
          .filter(p -> p.getParent().getFileName().toString().startsWith("chk-"))
          .max(Comparator.comparingLong(LatestCheckpoint::modified))
          .map(Path::getParent);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return Long.MIN_VALUE;
    }
  }
}
