package dev.rootlessctr.doctor;

import dev.rootlessctr.host.ProcStatus;
import dev.rootlessctr.lab.Cleaner;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A private ({@code 0700}) temporary directory for one test container, removed on close, and also
 * when the JVM exits first: the shell may end while a background diagnosis is using it, and the JVM
 * then abandons that thread.
 */
final class ScratchTree implements AutoCloseable {

  static final String PREFIX = "rootless-ctr-doctor-";
  private static final Duration STALE = Duration.ofHours(1);

  private final Path path;
  private final Thread onExit;

  private ScratchTree(Path path, Thread onExit) {
    this.path = path;
    this.onExit = onExit;
  }

  /** A new tree in {@code tmp}; empty when the JVM is already shutting down. */
  static Optional<ScratchTree> create(Path tmp) throws IOException {
    // The hook is in place before the tree exists, so no moment leaves it unowned.
    AtomicReference<Path> made = new AtomicReference<>();
    Thread onExit =
        new Thread(
            () -> {
              if (made.get() != null) {
                deleteQuietly(made.get());
              }
            },
            "doctor-scratch-cleanup");
    try {
      Runtime.getRuntime().addShutdownHook(onExit);
    } catch (IllegalStateException shuttingDown) {
      return Optional.empty();
    }
    try {
      Files.createDirectories(tmp);
      collectStale(tmp);
      made.set(
          Files.createTempDirectory(
              tmp,
              PREFIX,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
    } catch (IOException e) {
      removeHook(onExit);
      throw e;
    }
    return Optional.of(new ScratchTree(made.get(), onExit));
  }

  Path path() {
    return path;
  }

  @Override
  public void close() {
    deleteQuietly(path);
    removeHook(onExit);
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway and finds the tree gone
    }
  }

  /**
   * Removes trees that a killed JVM (SIGKILL runs no hook) left: only directories, not links, named
   * with {@link #PREFIX}, owned by this JVM's user and untouched for an hour, far longer than a run
   * takes.
   */
  private static void collectStale(Path tmp) {
    long cutoff = System.currentTimeMillis() - STALE.toMillis();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp, PREFIX + "*")) {
      for (Path entry : entries) {
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
            && ownedByMe(entry)
            && Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS).toMillis() < cutoff) {
          deleteQuietly(entry);
        }
      }
    } catch (IOException | RuntimeException e) {
      // collecting is a courtesy; the test run does not depend on it
    }
  }

  // This JVM's user, not the learner a test pretends to be: only its own trees are its to remove.
  private static boolean ownedByMe(Path entry) throws IOException {
    long owner =
        Integer.toUnsignedLong(
            (Integer) Files.getAttribute(entry, "unix:uid", LinkOption.NOFOLLOW_LINKS));
    return owner == ProcStatus.read(Path.of("/proc/self/status")).effectiveUid();
  }

  // The runtime may still be writing while the JVM shuts down: try a few times.
  private static void deleteQuietly(Path tree) {
    for (int attempt = 0; attempt < 3 && Files.exists(tree, LinkOption.NOFOLLOW_LINKS); attempt++) {
      try {
        Cleaner.deleteTree(tree);
      } catch (IOException e) {
        // a leftover private directory in /tmp is harmless, and the next run collects it
      }
    }
  }
}
