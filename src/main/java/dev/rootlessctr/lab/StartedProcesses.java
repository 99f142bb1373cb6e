package dev.rootlessctr.lab;

import dev.rootlessctr.exec.ShellMark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The processes that lines of this shell started and left running in the background, found in
 * {@code /proc}: the learner's own (real uid), carrying this shell's {@link ShellMark} in their
 * environment. A process of another user, of another shell, or started outside the shell never has
 * both, so it is never stopped.
 */
public final class StartedProcesses {

  private static final Duration GRACE = Duration.ofSeconds(2);

  private final Path proc;
  private final long uid;
  private final String mark;
  private final LongFunction<Optional<ProcessHandle>> handles;

  StartedProcesses(
      Path proc, long uid, String mark, LongFunction<Optional<ProcessHandle>> handles) {
    this.proc = proc;
    this.uid = uid;
    this.mark = mark;
    this.handles = handles;
  }

  /** This shell's processes of the learner {@code uid}. */
  public static StartedProcesses ofThisShell(long uid) {
    return new StartedProcesses(Path.of("/proc"), uid, ShellMark.value(), ProcessHandle::of);
  }

  /**
   * A process found: its program name and the handle that stops exactly it (empty: it ended while
   * it was being looked at).
   */
  public record Found(long pid, String name, Optional<ProcessHandle> handle) {
    @Override
    public String toString() {
      return name + " (pid " + pid + ")";
    }
  }

  /** The running processes whose program name ({@code /proc/PID/comm}) {@code name} accepts. */
  public List<Found> find(Predicate<String> name) {
    return scan(name, mark::equals);
  }

  /**
   * The learner's processes whose name {@code name} accepts and whose shell mark {@code marked}
   * accepts (a process without a mark is never found).
   */
  private List<Found> scan(Predicate<String> name, Predicate<String> marked) {
    List<Found> found = new ArrayList<>();
    try (Stream<Path> entries = Files.list(proc)) {
      for (Path dir : entries.toList()) {
        String word = dir.getFileName().toString();
        if (word.isEmpty() || word.length() > 18 || !word.chars().allMatch(Character::isDigit)) {
          continue;
        }
        long pid = Long.parseLong(word);
        if (pid == ProcessHandle.current().pid()) {
          continue;
        }
        Optional<String> comm = read(dir.resolve("comm")).map(String::strip);
        if (comm.isEmpty() || !name.test(comm.get()) || !ownedByLearner(dir)) {
          continue;
        }
        Optional<String> shell = markOf(dir);
        if (shell.isEmpty() || !marked.test(shell.get())) {
          continue;
        }
        // Taken now: its start time makes destroy() refuse a pid that was reused meanwhile.
        found.add(new Found(pid, comm.get(), handles.apply(pid)));
      }
    } catch (IOException e) {
      return found; // no /proc to look at: nothing is stopped
    }
    return found;
  }

  /**
   * The learner's running processes whose program name {@code name} accepts and that a line of
   * another rootless-ctr shell started, one that has ended since (killed, so it stopped nothing):
   * their mark names a shell process that is no longer there.
   */
  public List<Found> orphans(Predicate<String> name) {
    List<Found> found = new ArrayList<>();
    for (Found process : scan(name, marks -> !marks.equals(mark) && !shellAlive(marks))) {
      found.add(process);
    }
    return found;
  }

  private boolean shellAlive(String shellMark) {
    int dash = shellMark.indexOf('-');
    if (dash <= 0 || !shellMark.substring(0, dash).chars().allMatch(Character::isDigit)) {
      return true; // not a mark this program writes: not ours to judge
    }
    try {
      long pid = Long.parseLong(shellMark.substring(0, dash));
      return handles.apply(pid).filter(h -> ShellMark.of(h).equals(shellMark)).isPresent();
    } catch (NumberFormatException e) {
      return true;
    }
  }

  /** Stops {@code process} (SIGTERM, then SIGKILL after a grace period); says what it did. */
  public static String stop(Found process) {
    ProcessHandle handle = process.handle().orElse(null);
    if (handle == null || !handle.isAlive()) {
      return process + " had already stopped";
    }
    if (!handle.destroy()) {
      return "could not stop " + process;
    }
    try {
      handle.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
      return "stopped " + process;
    } catch (java.util.concurrent.TimeoutException e) {
      handle.destroyForcibly();
      return "killed " + process + " (it did not stop when asked)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "asked " + process + " to stop";
    } catch (java.util.concurrent.ExecutionException e) {
      return "asked " + process + " to stop";
    }
  }

  private boolean ownedByLearner(Path dir) {
    return read(dir.resolve("status"))
        .flatMap(
            status ->
                status
                    .lines()
                    .filter(l -> l.startsWith("Uid:"))
                    .findFirst()
                    .map(l -> l.substring(4).strip().split("\\s+")[0]))
        .map(real -> real.equals(Long.toString(uid)))
        .orElse(false);
  }

  /** The shell mark in the process's environment, if it has one. */
  private static Optional<String> markOf(Path dir) {
    String prefix = ShellMark.VARIABLE + "=";
    return read(dir.resolve("environ"))
        .flatMap(
            environ ->
                List.of(environ.split("\0")).stream()
                    .filter(v -> v.startsWith(prefix))
                    .map(v -> v.substring(prefix.length()))
                    .findFirst());
  }

  /** A small /proc file; empty when the process is gone or not readable (another user's). */
  private static Optional<String> read(Path file) {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.ISO_8859_1));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
