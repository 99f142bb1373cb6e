package dev.rootlessctr.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootlessctr.check.Expansion;
import dev.rootlessctr.lesson.CleanupItem;
import dev.rootlessctr.process.Captured;
import dev.rootlessctr.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Removes exactly what the course created: runc containers in the course's state directory and
 * the paths lessons declared. It never follows a symlink out of what it deletes.
 */
public final class Cleaner {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RUNC_TIMEOUT = Duration.ofSeconds(20);

  private final Lab lab;
  private final ProcessRunner processes;
  private final Map<String, String> env;

  public Cleaner(Lab lab, ProcessRunner processes, Map<String, String> env) {
    this.lab = lab;
    this.processes = processes;
    this.env = Map.copyOf(env);
  }

  /** The containers in the course's runc state directory (all of them are the course's). */
  public List<String> containers() {
    if (!hasState()) {
      return List.of(); // runc keeps one directory per container: none, no need to ask it
    }
    try {
      Captured listed = runc("list", "--format", "json");
      if (!listed.succeeded()) {
        return List.of();
      }
      JsonNode root = JSON.readTree(listed.stdout().isBlank() ? "null" : listed.stdout());
      List<String> names = new ArrayList<>();
      if (root != null && root.isArray()) {
        root.forEach(c -> names.add(c.path("id").asText()));
      }
      return names;
    } catch (IOException e) {
      return List.of();
    }
  }

  private boolean hasState() {
    if (!Files.isDirectory(lab.runcRoot())) {
      return false;
    }
    try (var entries = Files.list(lab.runcRoot())) {
      return entries.findAny().isPresent();
    } catch (IOException e) {
      return true; // cannot tell: ask runc
    }
  }

  /** Deletes every container of the course, killing what still runs; returns what it did. */
  public List<String> deleteContainers() {
    List<String> done = new ArrayList<>();
    for (String name : containers()) {
      try {
        Captured deleted = runc("delete", "--force", name);
        done.add(deleted.succeeded() ? "deleted container " + name : "could not delete container " + name + ": " + deleted.stderr().strip());
      } catch (IOException e) {
        done.add("could not delete container " + name + ": " + e.getMessage());
      }
    }
    return done;
  }

  /** Where a declared cleanup path is: {@code ~} is home, relative paths are in the lab. */
  public Path resolve(CleanupItem item) {
    return lab.dir().resolve(Expansion.expand(item.target(), env)).normalize();
  }

  /** Removes declared paths and containers; returns one line per thing removed. */
  public List<String> remove(List<CleanupItem> items) {
    List<String> done = new ArrayList<>();
    for (CleanupItem item : items) {
      if (item.kind() == CleanupItem.Kind.CONTAINER) {
        if (containers().contains(item.target())) {
          try {
            Captured deleted = runc("delete", "--force", item.target());
            done.add(deleted.succeeded() ? "deleted container " + item.target() : "could not delete container " + item.target());
          } catch (IOException e) {
            done.add("could not delete container " + item.target() + ": " + e.getMessage());
          }
        }
        continue;
      }
      Path path = resolve(item);
      if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        if (!confined(path)) {
          done.add("did not remove " + path + ": it is not inside the lab or named in your home");
          continue;
        }
        try {
          deleteTree(path);
          done.add("removed " + path);
        } catch (IOException e) {
          done.add("could not remove " + path + ": " + e.getMessage());
        }
      }
    }
    return done;
  }

  /**
   * Whether a declared path may be deleted: below the lab, or below the home (never the home
   * itself), and not reached through a symlinked folder that leads elsewhere. The lesson parser
   * already refuses other paths; this holds even for a lesson that bypassed it.
   */
  private boolean confined(Path path) {
    Path labDir = lab.dir().toAbsolutePath().normalize();
    String home = env.get("HOME");
    Path homeDir = home == null || home.isBlank() ? null : Path.of(home).toAbsolutePath().normalize();
    Path base =
        path.startsWith(labDir) && !path.equals(labDir)
            ? labDir
            : homeDir != null && path.startsWith(homeDir) && !path.equals(homeDir) ? homeDir : null;
    if (base == null) {
      return false;
    }
    try {
      return path.getParent().toRealPath().startsWith(base.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  /** Empties the lab directory (it stays, empty) after deleting the course's containers. */
  public List<String> removeLabContents() throws IOException {
    List<String> done = new ArrayList<>(deleteContainers());
    if (Files.isDirectory(lab.dir())) {
      try (var entries = Files.list(lab.dir())) {
        for (Path entry : entries.toList()) {
          deleteTree(entry);
          done.add("removed " + entry);
        }
      }
    }
    return done;
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      Files.deleteIfExists(root);
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
            // A rootfs can hold read-only directories; make them writable to empty them.
            dir.toFile().setWritable(true, true);
            return FileVisitResult.CONTINUE;
          }

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
  }

  private Captured runc(String... args) throws IOException {
    List<String> argv = new ArrayList<>(List.of("runc", "--root", lab.runcRoot().toString()));
    argv.addAll(List.of(args));
    return processes.run(argv, lab.dir().toFile().isDirectory() ? lab.dir() : Path.of("/"), env, RUNC_TIMEOUT);
  }
}
