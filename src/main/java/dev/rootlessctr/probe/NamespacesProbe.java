package dev.rootlessctr.probe;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code namespaces PID|NAME}: which namespaces a container has of its own and which it shares with
 * the shell, by comparing the {@code /proc/PID/ns} links (e.g. {@code net:[4026531833]}).
 */
final class NamespacesProbe implements Probe {

  static final List<String> KINDS = List.of("user", "pid", "mnt", "net", "uts", "ipc", "cgroup");

  @Override
  public String name() {
    return "namespaces";
  }

  @Override
  public String usage() {
    return "namespaces PID|NAME";
  }

  @Override
  public List<String> valueNames() {
    List<String> names = new ArrayList<>();
    for (String kind : KINDS) {
      names.addAll(List.of(kind, "host" + capitalized(kind), kind + "Shared"));
    }
    names.addAll(List.of("differ", "shared", "processId"));
    return names;
  }

  @Override
  public ProbeResult run(ProbeContext context, List<String> args) throws IOException {
    ProbeArgs.require(this, args, 1, 1);
    String expected = "the namespaces of " + args.get(0) + " can be compared with the shell's";
    try {
      ContainerProcess process = ContainerProcess.find(context, args.get(0));
      Path shellNs = context.procRoot().resolve("self/ns");
      Map<String, String> values = new HashMap<>();
      List<String> differ = new ArrayList<>();
      List<String> shared = new ArrayList<>();
      boolean skipped = false;
      for (String kind : KINDS) {
        Optional<String> container = link(process.procDir().resolve("ns").resolve(kind), process);
        Optional<String> shell = link(shellNs.resolve(kind), process);
        if (container.isEmpty() || shell.isEmpty()) {
          skipped = true; // an older kernel without this namespace kind, or the process exited
          continue;
        }
        boolean same = container.get().equals(shell.get());
        values.put(kind, container.get());
        values.put("host" + capitalized(kind), shell.get());
        values.put(kind + "Shared", Boolean.toString(same));
        (same ? shared : differ).add(kind);
      }
      if (skipped && !alive(process)) {
        // A process that exits while its links are read loses them one by one: what was read
        // is only part of the picture, and must not pass for all of it.
        throw new Unmet(process.label() + " exited while its namespaces were being read");
      }
      if (values.isEmpty()) {
        throw new Unmet(
            process.label() + " has no readable namespace links in " + process.procDir());
      }
      values.put("differ", joined(differ));
      values.put("shared", joined(shared));
      values.put("processId", Long.toString(process.pid()));
      return ProbeResult.pass(
          expected,
          process.label()
              + " has its own "
              + joined(differ)
              + " namespaces and shares "
              + joined(shared)
              + " with the shell",
          values);
    } catch (Unmet unmet) {
      return ProbeResult.fail(expected, unmet.getMessage());
    }
  }

  private static Optional<String> link(Path nsLink, ContainerProcess process)
      throws Unmet, IOException {
    try {
      return Optional.of(Files.readSymbolicLink(nsLink).toString());
    } catch (NoSuchFileException missing) {
      return Optional.empty();
    } catch (AccessDeniedException denied) {
      throw new Unmet(
          "cannot read " + nsLink + ": permission denied (" + process.label() + " is not yours?)");
    }
  }

  /** Whether the process is still there and not a zombie (whose namespace links are gone). */
  private static boolean alive(ContainerProcess process) throws IOException {
    Path status = process.procDir().resolve("status");
    if (!Files.isDirectory(process.procDir())) {
      return false;
    }
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("State:")) {
          String state = line.substring(6).strip();
          return !state.startsWith("Z") && !state.startsWith("X");
        }
      }
      return true;
    } catch (NoSuchFileException gone) {
      return Files.isDirectory(process.procDir()); // gone, or a /proc without status files
    }
  }

  private static String joined(List<String> kinds) {
    return kinds.isEmpty() ? "none" : String.join(", ", kinds);
  }

  private static String capitalized(String kind) {
    return Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
  }
}
