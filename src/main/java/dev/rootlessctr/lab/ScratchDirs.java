package dev.rootlessctr.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The session's private temp directory for typescripts and state files. Its name carries the
 * shell's pid and start time, so a directory left by a shell killed with SIGKILL (no shutdown hook
 * runs then) is recognised and collected at the next start: only this user's own, checked without
 * following links, and only when that shell is gone.
 */
public final class ScratchDirs {

  private static final String PREFIX = "rootless-ctr-scratch-";
  private static final Pattern NAME =
      Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-(\\d+)-[^/]+");

  private ScratchDirs() {}

  /** Creates this session's scratch directory in {@code tmp}, mode 0700, verified. */
  public static Path create(Path tmp, long uid) throws IOException {
    ProcessHandle self = ProcessHandle.current();
    long started = self.info().startInstant().orElse(Instant.now()).toEpochMilli();
    Path scratch =
        Files.createTempDirectory(
            tmp,
            PREFIX + self.pid() + "-" + started + "-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    if (!PrivateDir.inspect(scratch).privateTo(uid)) {
      throw new PrivateDir.NotPrivate(
          scratch,
          scratch
              + " is not private after creating it (mode "
              + PrivateDir.inspect(scratch).modeText()
              + ")");
    }
    return scratch;
  }

  /** Creates it and removes it when the JVM ends, also by a signal (SIGTERM, a closed terminal). */
  public static Path forSession(Path tmp, long uid) throws IOException {
    Path scratch = create(tmp, uid);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> deleteWhileItEnds(scratch), "scratch-cleanup"));
    return scratch;
  }

  /**
   * At a signal the line's script(1) may still be writing its typescript here while the other
   * shutdown hooks stop the container: a file created after the listing keeps the directory. So try
   * again while it is still there, for at most a second.
   */
  private static void deleteWhileItEnds(Path scratch) {
    long deadline = System.nanoTime() + 1_000_000_000L;
    delete(scratch);
    while (Files.exists(scratch, java.nio.file.LinkOption.NOFOLLOW_LINKS)
        && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
      delete(scratch);
    }
  }

  /** Removes a scratch directory; a leftover private temp directory is harmless, so no error. */
  public static void delete(Path scratch) {
    try {
      Cleaner.deleteTree(scratch);
    } catch (IOException e) {
      // collected at a later start
    }
  }

  /** Removes the scratch directories of this user's shells that are gone; returns them. */
  public static List<Path> collect(Path tmp, long uid) {
    List<Path> removed = new ArrayList<>();
    try (Stream<Path> entries = Files.list(tmp)) {
      for (Path entry : entries.toList()) {
        Matcher name = NAME.matcher(entry.getFileName().toString());
        if (!name.matches()) {
          continue;
        }
        // One entry that cannot be looked at (another user's, gone meanwhile) must not stop
        // the others from being collected.
        try {
          PrivateDir.Inspection found = PrivateDir.inspect(entry);
          if (found.symlink() || !found.directory() || found.owner() != uid) {
            continue; // not ours: never touched
          }
          long pid = Long.parseLong(name.group(1));
          Instant started = Instant.ofEpochMilli(Long.parseLong(name.group(2)));
          if (!SessionLedger.alive(pid, started)) {
            delete(entry);
            if (!Files.exists(entry)) {
              removed.add(entry);
            }
          }
        } catch (RuntimeException e) {
          continue;
        }
      }
    } catch (IOException e) {
      return removed;
    }
    return removed;
  }
}
