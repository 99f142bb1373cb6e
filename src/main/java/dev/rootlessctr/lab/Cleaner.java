package dev.rootlessctr.lab;

import dev.rootlessctr.exec.Expansion;
import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.host.RuncException;
import dev.rootlessctr.host.RuncReader;
import dev.rootlessctr.lesson.CleanupItem;
import dev.rootlessctr.process.Captured;
import dev.rootlessctr.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.FileSystemException;
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
import java.util.Optional;
import java.util.Set;

/**
 * Removes exactly what the course created: the runc containers this shell session started (see
 * {@link SessionLedger}; another shell's containers are left alone) and the paths lessons declared.
 * It never follows a symlink out of what it deletes.
 */
public final class Cleaner {

  private static final Duration RUNC_TIMEOUT = Duration.ofSeconds(20);

  private final Lab lab;
  private final ProcessRunner processes;
  private final Map<String, String> env;
  private final SessionLedger ledger;
  private final SubidTreeRemover subids;
  private final Set<String> programs;
  private final StartedProcesses started; // null: this cleaner stops no process

  public Cleaner(Lab lab, ProcessRunner processes, Map<String, String> env, SessionLedger ledger) {
    this(lab, processes, env, ledger, Set.of(), null);
  }

  /**
   * A cleaner that also stops, when the shell leaves or empties the lab, the background processes
   * named {@code programs} (the course's {@code cleanup: process} directives) that this shell's
   * lines started, as {@code started} finds them.
   */
  public Cleaner(
      Lab lab,
      ProcessRunner processes,
      Map<String, String> env,
      SessionLedger ledger,
      Set<String> programs,
      StartedProcesses started) {
    this(lab, processes, env, ledger, programs, started, SubidTreeRemover.system(processes, env));
  }

  Cleaner(
      Lab lab,
      ProcessRunner processes,
      Map<String, String> env,
      SessionLedger ledger,
      SubidTreeRemover subids) {
    this(lab, processes, env, ledger, Set.of(), null, subids);
  }

  private Cleaner(
      Lab lab,
      ProcessRunner processes,
      Map<String, String> env,
      SessionLedger ledger,
      Set<String> programs,
      StartedProcesses started,
      SubidTreeRemover subids) {
    this.lab = lab;
    this.processes = processes;
    this.env = Map.copyOf(env);
    this.ledger = ledger;
    this.subids = subids;
    this.programs = Set.copyOf(programs);
    this.started = started;
  }

  /** The course's declared background programs that this shell started and that still run. */
  public List<StartedProcesses.Found> startedProcesses() {
    return started == null || programs.isEmpty() ? List.of() : started.find(programs::contains);
  }

  /**
   * The course's declared background programs that a killed shell of this learner started and left
   * running (its own cleanup never ran).
   */
  public List<StartedProcesses.Found> orphanedProcesses() {
    return started == null || programs.isEmpty() ? List.of() : started.orphans(programs::contains);
  }

  private List<String> stopProcesses(java.util.function.Predicate<String> program) {
    if (started == null) {
      return List.of();
    }
    return started.find(program).stream().map(StartedProcesses::stop).toList();
  }

  /** The containers this session started that still exist in the course's state directory. */
  public List<String> containers() {
    List<String> all = allContainers();
    return all.isEmpty()
        ? List.of()
        : List.copyOf(ledger.ownedAmong(new java.util.LinkedHashSet<>(all)));
  }

  /** Every container in the course's runc state directory, whoever started it. */
  List<String> allContainers() {
    return list(lab.runcRoot()).stream().map(Listed::id).toList();
  }

  /** A container as {@code runc list} shows it. */
  public record Listed(String id, String status) {}

  private List<Listed> list(Path root) {
    if (!hasState(root)) {
      return List.of(); // runc keeps one directory per container: none, no need to ask it
    }
    try {
      return reader(root).list().stream()
          .map(c -> new Listed(c.id(), c.status().isEmpty() ? "unknown" : c.status()))
          .toList();
    } catch (IOException | RuncException e) {
      return List.of();
    }
  }

  private RuncReader reader(Path root) {
    Path workDir = lab.dir().toFile().isDirectory() ? lab.dir() : Path.of("/");
    return new RuncReader("runc", root, processes, workDir, env, RUNC_TIMEOUT);
  }

  private static boolean hasState(Path root) {
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (var entries = Files.list(root)) {
      return entries.findAny().isPresent();
    } catch (IOException e) {
      return true; // cannot tell: ask runc
    }
  }

  /** Deletes every container this session started, killing what still runs; returns what it did. */
  public List<String> deleteContainers() {
    // First what serves them (slirp4netns outlives its container's namespace, doing nothing).
    List<String> done =
        new ArrayList<>(programs.isEmpty() ? List.of() : stopProcesses(programs::contains));
    for (String name : containers()) {
      done.add(delete(lab.runcRoot(), name));
    }
    return done;
  }

  private String delete(Path root, String name) {
    try {
      Captured deleted = runc(root, "delete", "--force", name);
      if (deleted.succeeded()) {
        ledger.release(name);
        return "deleted container " + name;
      }
      return "could not delete container " + name + ": " + deleted.stderr().strip();
    } catch (IOException e) {
      return "could not delete container " + name + ": " + e.getMessage();
    }
  }

  /** The shell is leaving and its containers are deleted: its ledger goes too. */
  public void sessionEnded() {
    ledger.close();
  }

  /**
   * A container a shell of this learner started and left behind when it was killed (its process is
   * gone, so nothing will ever delete it).
   */
  public record Leftover(String id, String status, SessionLedger.Recorded session) {}

  /** The containers left by dead sessions that still exist; drops ledgers with none left. */
  public List<Leftover> leftovers() {
    List<Leftover> found = new ArrayList<>();
    for (SessionLedger.Recorded session : ledger.others()) {
      if (session.alive()) {
        continue;
      }
      List<Listed> there = list(session.runcRoot());
      int before = found.size();
      for (Listed container : there) {
        if (session.containers().contains(container.id())) {
          found.add(new Leftover(container.id(), container.status(), session));
        }
      }
      if (found.size() == before) {
        session.discard();
      }
    }
    return found;
  }

  /** Deletes containers a dead session left; returns what it did. */
  public List<String> deleteLeftovers(List<Leftover> leftovers) {
    List<String> done = new ArrayList<>();
    for (Leftover leftover : leftovers) {
      done.add(delete(leftover.session().runcRoot(), leftover.id()));
    }
    leftovers.stream()
        .map(Leftover::session)
        .distinct()
        .filter(s -> list(s.runcRoot()).stream().noneMatch(c -> s.containers().contains(c.id())))
        .forEach(SessionLedger.Recorded::discard);
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
      if (item.kind() == CleanupItem.Kind.PROCESS) {
        done.addAll(stopProcesses(item.target()::equals));
        continue;
      }
      if (item.kind() == CleanupItem.Kind.CONTAINER) {
        if (containers().contains(item.target())) {
          done.add(delete(lab.runcRoot(), item.target()));
        } else if (allContainers().contains(item.target())) {
          done.add(
              "left container "
                  + item.target()
                  + " alone: this shell did not start it (another rootless-ctr shell or terminal"
                  + " did)");
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
          removeTree(path);
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
    Path homeDir =
        home == null || home.isBlank() ? null : Path.of(home).toAbsolutePath().normalize();
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

  /**
   * Empties the lab directory (it stays, empty) after deleting this session's containers, and
   * removes the runc state directory when it is empty, ours, and no other live shell uses it.
   */
  public List<String> removeLabContents() throws IOException {
    List<String> done = new ArrayList<>(deleteContainers());
    if (Files.isDirectory(lab.dir())) {
      try (var entries = Files.list(lab.dir())) {
        for (Path entry : entries.toList()) {
          removeTree(entry);
          done.add("removed " + entry);
        }
      }
    }
    removeEmptyStateDir(HostUser.current().uid()).ifPresent(done::add);
    return done;
  }

  /** Removes the runc state directory if it is empty, private to {@code uid} and unused. */
  java.util.Optional<String> removeEmptyStateDir(long uid) {
    Path root = lab.runcRoot();
    boolean otherShell =
        ledger.others().stream().anyMatch(s -> s.alive() && s.runcRoot().equals(root));
    if (otherShell || !PrivateDir.inspect(root).privateTo(uid) || hasState(root)) {
      return java.util.Optional.empty();
    }
    try {
      Files.delete(root);
      return java.util.Optional.of("removed the empty runc state directory " + root);
    } catch (IOException e) {
      return java.util.Optional.empty(); // something appeared in it meanwhile: it stays
    }
  }

  /**
   * Removes a tree the learner made, directly or through a container: what a container chowned to
   * one of the learner's subordinate ids (a folder owned by host uid 100999, say) cannot be emptied
   * by the learner, so a refusal is retried as root of a user namespace that maps those ids, which
   * has power over them and nothing else. {@code path} is already confined to the lab or the home.
   */
  private void removeTree(Path path) throws IOException {
    try {
      deleteTree(path);
    } catch (FileSystemException refused) {
      Optional<String> why =
          subids.remove(path.toAbsolutePath().normalize(), HostUser.current(env));
      if (why.isPresent()) {
        throw new IOException(
            "not allowed to remove "
                + (refused.getFile() == null ? path : refused.getFile())
                + (refused.getReason() == null ? "" : " (" + refused.getReason() + ")")
                + ", and "
                + why.get(),
            refused);
      }
    }
  }

  /**
   * Removes {@code root} and all below it, never following a link out of the tree (a link is
   * removed, not what it points to); read-only directories inside are made writable first.
   */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      Files.deleteIfExists(root);
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            // A rootfs can hold read-only directories; make them writable to empty them.
            dir.toFile().setWritable(true, true);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
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

  private Captured runc(Path root, String... args) throws IOException {
    List<String> argv = new ArrayList<>(List.of("runc", "--root", root.toString()));
    argv.addAll(List.of(args));
    return processes.run(
        argv, lab.dir().toFile().isDirectory() ? lab.dir() : Path.of("/"), env, RUNC_TIMEOUT);
  }
}
