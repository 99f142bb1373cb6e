package dev.rootlessctr.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootlessctr.host.RuncException;
import dev.rootlessctr.host.RuncReader;
import dev.rootlessctr.host.RuncState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Asks the learner's runc, with the course's {@code --root}, about containers; only the subcommands
 * that read state are used.
 */
final class Runc {

  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private static final List<String> SBIN_DIRS = List.of("/usr/local/sbin", "/usr/sbin", "/sbin");

  private final ProbeContext context;

  Runc(ProbeContext context) {
    this.context = context;
  }

  /** The state of container {@code name}; unmet when runc does not know it. */
  RuncState state(String name) throws Unmet, IOException {
    // "runc state" creates a missing --root directory too.
    if (!Files.isDirectory(context.runcRoot())) {
      throw new Unmet(
          "runc has no container named "
              + name
              + ": no container has been created under --root "
              + context.runcRoot()
              + " yet (the directory does not exist)");
    }
    // runc keeps each container in ROOT/NAME; without that directory it can only say "does not
    // exist". Said here without starting runc: an observer asks every 50 ms before the
    // container is created, and each runc start costs a core tens of milliseconds.
    // Only when this user may search the root: otherwise runc's own error says why.
    if (isPlainName(name)
        && Files.isExecutable(context.runcRoot())
        && !Files.isDirectory(context.runcRoot().resolve(name))) {
      throw new Unmet(
          "runc has no container named "
              + name
              + " under --root "
              + context.runcRoot()
              + " (runc keeps one directory per container, and there is no "
              + name
              + " there)");
    }
    try {
      return reader().state(name);
    } catch (RuncException e) {
      if (e.timedOut()) {
        throw new Unmet(e.getMessage());
      }
      // Other failures (a --root owned by someone else, say) must not pass for "no container".
      String what =
          e.getMessage().contains("does not exist")
              ? "runc has no container named " + name + " under --root "
              : "runc state " + name + " failed under --root ";
      throw new Unmet(what + context.runcRoot() + " (runc said: " + e.getMessage() + ")");
    }
  }

  /**
   * The pid of container {@code name}'s process, read the way {@code runc state} reads it: from
   * runc's {@code state.json} under the course's root, trusted only when that process still has the
   * start time runc recorded (so a reused pid is never taken for the container). A file read
   * instead of starting runc: a look from outside takes well under a millisecond, and a container
   * that lives a quarter of a second is still seen. Empty when the file is missing, unreadable or
   * stale; callers then ask runc itself.
   */
  Optional<Long> recordedPid(String name) {
    if (!isPlainName(name)) {
      return Optional.empty();
    }
    try {
      JsonNode state =
          JsonFile.MAPPER.readTree(context.runcRoot().resolve(name).resolve("state.json").toFile());
      long pid = state.path("init_process_pid").asLong(0);
      long start = state.path("init_process_start").asLong(-1);
      if (pid <= 0 || start < 0) {
        return Optional.empty();
      }
      String stat =
          Files.readString(context.procRoot().resolve(Long.toString(pid)).resolve("stat"));
      // The command name, in parentheses, may hold spaces: count fields after its closing one.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
      // Field 22 of /proc/PID/stat (starttime) is the 20th after the name.
      return fields.length > 19 && Long.parseLong(fields[19]) == start
          ? Optional.of(pid)
          : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A container id runc would keep as one directory under its root. */
  private static boolean isPlainName(String name) {
    return !name.isEmpty() && !name.contains("/") && !name.startsWith(".");
  }

  /** Every container under the course's root, in runc's order. */
  List<RuncState> list() throws Unmet, IOException {
    try {
      return reader().list();
    } catch (RuncException e) {
      throw new Unmet(
          e.timedOut()
              ? e.getMessage()
              : "runc list --root " + context.runcRoot() + " failed: " + e.getMessage());
    }
  }

  private RuncReader reader() throws Unmet {
    return new RuncReader(
        executable().toString(),
        context.runcRoot(),
        context.processes(),
        context.workDir(),
        context.env(),
        TIMEOUT);
  }

  /** The runc the learner's PATH finds, as their own commands would. */
  Path executable() throws Unmet {
    String path = context.env().getOrDefault("PATH", "");
    Optional<Path> found = onPath(path);
    if (found.isPresent()) {
      return found.get();
    }
    String hint =
        SBIN_DIRS.stream()
            .map(dir -> Path.of(dir, "runc"))
            .filter(Files::isExecutable)
            .findFirst()
            .map(runc -> "; " + runc + " exists: add " + runc.getParent() + " to PATH")
            .orElse("; is runc installed?");
    throw new Unmet("runc is not on the shell's PATH (" + path + ")" + hint);
  }

  private Optional<Path> onPath(String path) {
    for (String dir : path.split(":", -1)) {
      // An empty PATH entry means the current directory.
      Path candidate = (dir.isEmpty() ? context.workDir() : context.resolve(dir)).resolve("runc");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
