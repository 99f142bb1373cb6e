package dev.rootlessctr.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootlessctr.host.ProcStatus;
import dev.rootlessctr.host.RuncReader;
import dev.rootlessctr.process.Captured;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts one container with an OCI runtime, the way the lessons will: {@code true} from a
 * throwaway bundle whose config.json is the runtime's own {@code spec --rootless} (terminal off),
 * under a private {@code --root}, within a time limit; everything is removed afterwards.
 *
 * <p>Only a real start says whether a runtime works here: crun installs fine on a host whose
 * cgroups are in hybrid mode, and then refuses every container.
 */
final class SmokeRun {

  static final Duration TIMEOUT = Duration.ofSeconds(5);
  static final String CONTAINER = "rootless-ctr-doctor";
  static final String PREFIX = "rootless-ctr-doctor-";
  private static final Duration STALE = Duration.ofHours(1);

  private static final ObjectMapper JSON = new ObjectMapper();

  /** How the attempt went; {@code detail} is the time taken or the runtime's own words. */
  record Result(Outcome outcome, String detail) {}

  enum Outcome {
    /** The container ran {@code true} and exited 0. */
    STARTED,
    /** The runtime refused or failed; detail is what it printed. */
    FAILED,
    /** Nothing could be tried; detail says why. */
    NOT_TRIED
  }

  private SmokeRun() {}

  /**
   * Tries {@code runtime} (a path in {@code host}'s view) named {@code name} ({@code runc} or
   * {@code crun}); rootfs is {@link BusyboxCheck#BUSYBOX} copied as {@code /bin/true}.
   */
  static Result attempt(HostView host, Path runtime, String name) {
    Path busybox = host.resolve(BusyboxCheck.BUSYBOX);
    if (!Files.isRegularFile(busybox)) {
      return new Result(Outcome.NOT_TRIED,
          "there is no " + BusyboxCheck.BUSYBOX + " to make a test container from");
    }
    // The shell may end while a background diagnosis is here; the JVM then abandons this
    // thread, and only a shutdown hook still removes the tree. It is in place before the tree.
    AtomicReference<Path> made = new AtomicReference<>();
    Thread onExit = new Thread(() -> {
      if (made.get() != null) {
        deleteQuietly(made.get());
      }
    }, "doctor-scratch-cleanup");
    try {
      Runtime.getRuntime().addShutdownHook(onExit);
    } catch (IllegalStateException shuttingDown) {
      return new Result(Outcome.NOT_TRIED, "the shell is ending");
    }
    try {
      Path tmp = host.resolve(tmpDir(host));
      Files.createDirectories(tmp);
      collectStale(tmp);
      made.set(Files.createTempDirectory(tmp, PREFIX,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
    } catch (IOException e) {
      removeHook(onExit);
      return new Result(Outcome.NOT_TRIED, "no private temporary directory: " + e.getMessage());
    }
    Path scratch = made.get();
    Path state = scratch.resolve("state");
    try {
      return startTrue(host, runtime, name, busybox, scratch.resolve("bundle"), state);
    } catch (IOException e) {
      return new Result(Outcome.NOT_TRIED, "could not prepare the test bundle: " + e.getMessage());
    } finally {
      cleanUp(host, runtime, state, scratch);
      removeHook(onExit);
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway and finds the tree gone
    }
  }

  /**
   * Removes this user's own doctor trees that a killed JVM (SIGKILL runs no hook) left: only
   * directories, not links, named with {@link #PREFIX}, owned by this user and untouched for an
   * hour, far longer than a run takes.
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
    long owner = Integer.toUnsignedLong(
        (Integer) Files.getAttribute(entry, "unix:uid", LinkOption.NOFOLLOW_LINKS));
    return owner == ProcStatus.read(Path.of("/proc/self/status")).effectiveUid();
  }

  private static Result startTrue(
      HostView host, Path runtime, String name, Path busybox, Path bundle, Path state)
      throws IOException {
    Path bin = Files.createDirectories(bundle.resolve("rootfs/bin"));
    Path executable = bin.resolve("true");
    Files.copy(busybox, executable, StandardCopyOption.REPLACE_EXISTING);
    Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
    Captured spec = host.run(
        List.of(runtime.toString(), "spec", "--rootless", "-b", bundle.toString()), TIMEOUT);
    Path config = bundle.resolve("config.json");
    if (!spec.succeeded() || !Files.isRegularFile(config)) {
      return new Result(Outcome.FAILED,
          "`" + name + " spec --rootless` " + failure(spec, "wrote no config.json"));
    }
    JsonNode json = JSON.readTree(config.toFile());
    if (!(json.path("process") instanceof ObjectNode process)) {
      return new Result(Outcome.FAILED, "`" + name + " spec --rootless` wrote no \"process\"");
    }
    process.put("terminal", false);
    process.putArray("args").add("true");
    JSON.writeValue(config.toFile(), json);
    long start = System.nanoTime();
    Captured run = host.run(List.of(runtime.toString(), "--root", state.toString(), "run", "-b",
        bundle.toString(), CONTAINER), TIMEOUT);
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (run.succeeded()) {
      return new Result(Outcome.STARTED, millis + " ms");
    }
    return new Result(Outcome.FAILED, failure(run, "exited with status " + run.exitCode()));
  }

  private static String failure(Captured captured, String otherwise) {
    if (captured.timedOut()) {
      return "did not finish within " + TIMEOUT.toSeconds() + " s";
    }
    String said = RuncReader.complaint(captured);
    return said.startsWith("exit status ") ? otherwise : said.lines().findFirst().orElse(said);
  }

  // A container left by a timeout would keep its process and state: delete it, then the tree.
  private static void cleanUp(HostView host, Path runtime, Path state, Path scratch) {
    if (Files.isDirectory(state.resolve(CONTAINER))) {
      try {
        host.run(List.of(runtime.toString(), "--root", state.toString(), "delete", "--force",
            CONTAINER), TIMEOUT);
      } catch (IOException e) {
        // the tree goes below anyway; a stray process of the learner's is all that could remain
      }
    }
    deleteQuietly(scratch);
  }

  // The runtime may still be writing while the JVM shuts down: try a few times.
  private static void deleteQuietly(Path scratch) {
    for (int attempt = 0; attempt < 3 && Files.exists(scratch, LinkOption.NOFOLLOW_LINKS);
        attempt++) {
      try {
        deleteTree(scratch);
      } catch (IOException e) {
        // a leftover private directory in /tmp is harmless, and the next boot clears it
      }
    }
  }

  private static String tmpDir(HostView host) {
    String tmp = host.env().getOrDefault("TMPDIR", "");
    return tmp.startsWith("/") ? tmp : "/tmp";
  }

  private static void deleteTree(Path root) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
    if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      Files.delete(root);
    }
  }
}
