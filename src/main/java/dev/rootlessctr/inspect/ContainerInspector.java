package dev.rootlessctr.inspect;

import dev.rootlessctr.host.Capabilities;
import dev.rootlessctr.probe.MountInfoLine;
import dev.rootlessctr.probe.ProbeContext;
import dev.rootlessctr.probe.ProbeResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A container's live facts: runc's state, then its process as the kernel shows it in /proc. The
 * process is read by pid, found once, and checked again at the end: a container that exits while it
 * is read is said to have done so, never shown as a whole picture.
 */
final class ContainerInspector {

  private static final Set<String> LIVE = Set.of("running", "created", "paused");

  private final Probing probing;

  ContainerInspector(Probing probing) {
    this.probing = probing;
  }

  Inspection inspect(ProbeContext context, Path root, String name, List<Path> alsoIn) {
    ProbeContext here = Probing.under(context, root);
    String title = "Container " + name + " under --root " + root;
    List<Fact> facts = new ArrayList<>();
    if (!alsoIn.isEmpty()) {
      facts.add(
          Fact.of(
              "also",
              "a container named " + name + " is also under " + joined(alsoIn) + " (not shown)"));
    }
    ProbeResult state = probing.run(here, "runc-state", name);
    if (!state.passed()) {
      facts.add(Fact.unreadable("status", state.actual()));
      return new Inspection(Inspection.Kind.CONTAINER, title, facts);
    }
    Map<String, String> v = state.values();
    facts.add(
        Fact.of("status", v.get("status") + " (runc state, created " + v.get("created") + ")"));
    facts.add(Fact.of("bundle", v.get("bundle")));
    long pid = Long.parseLong(v.getOrDefault("pid", "0"));
    if (pid <= 0 || !LIVE.contains(v.get("status"))) {
      facts.add(
          Fact.unreadable(
              "process",
              "the container is "
                  + v.get("status")
                  + ": it has no process, so there is nothing live to read"));
      return new Inspection(Inspection.Kind.CONTAINER, title, facts);
    }
    facts.add(Fact.of("pid", pid + " (as this host numbers it)"));
    Path proc = context.procRoot().resolve(Long.toString(pid));
    Optional<String> started = startTime(proc);
    String pidText = Long.toString(pid);

    facts.add(idMap(here, proc, pidText));
    facts.add(raw("gid map", proc.resolve("gid_map")));
    facts.addAll(namespaces(here, pidText));
    ProbeResult rootMount = probing.run(here, "mountinfo", pidText, "/");
    facts.add(
        rootMount.passed()
            ? Fact.of(
                "root mount",
                rootMount.values().get("options")
                    + (readOnly(rootMount.values().get("options"))
                        ? "  (read-only)"
                        : "  (writable)")
                    + ", "
                    + rootMount.values().get("fsType")
                    + " from "
                    + rootMount.values().get("root"))
            : Fact.unreadable("root mount", rootMount.actual()));
    facts.add(mounts(proc));
    facts.addAll(status(proc));
    facts.add(cgroup(proc.resolve("cgroup")));
    if (!startTime(proc).equals(started) || started.isEmpty()) {
      facts.add(
          Fact.unreadable(
              "note",
              "pid "
                  + pid
                  + " exited while it was being read: the facts above are only part of the"
                  + " picture"));
    }
    return new Inspection(Inspection.Kind.CONTAINER, title, facts);
  }

  /**
   * The uid map as the kernel prints it, with whose uid the container's root is, from the lessons'
   * probe.
   */
  private Fact idMap(ProbeContext here, Path proc, String pid) {
    Fact raw = raw("uid map", proc.resolve("uid_map"));
    if (!raw.measured()) {
      return raw;
    }
    ProbeResult probe = probing.run(here, "uid-map", pid);
    List<String> lines = new ArrayList<>(raw.lines());
    String root = probe.values().get("hostID");
    if (root != null) {
      lines.add(
          "container root (uid 0) is host uid "
              + root
              + " ("
              + probe.values().get("hostUser")
              + ")"
              + (probe.passed() ? ", you" : ""));
    } else {
      lines.add(probe.actual());
    }
    return Fact.of("uid map", lines);
  }

  private List<Fact> namespaces(ProbeContext here, String pid) {
    ProbeResult ns = probing.run(here, "namespaces", pid);
    if (!ns.passed()) {
      return List.of(Fact.unreadable("namespaces", ns.actual()));
    }
    return List.of(
        Fact.of("own namespaces", ns.values().get("differ")),
        Fact.of("shared with shell", ns.values().get("shared")));
  }

  /**
   * Every mount, one line each; the many under /proc and /sys (runc's masked and read-only paths,
   * the cgroup hierarchies) folded into two lines.
   */
  private static Fact mounts(Path proc) {
    List<String> lines;
    try {
      lines = Files.readAllLines(proc.resolve("mountinfo"));
    } catch (IOException e) {
      return Fact.unreadable("mounts", unreadable(proc.resolve("mountinfo"), e));
    }
    List<String> shown = new ArrayList<>();
    Set<String> procPaths = new java.util.LinkedHashSet<>();
    Set<String> sysPaths = new java.util.LinkedHashSet<>();
    int cgroups = 0;
    for (String line : lines) {
      Optional<MountInfoLine> mount = MountInfoLine.parse(line);
      if (mount.isEmpty()) {
        continue;
      }
      MountInfoLine m = mount.get();
      if (m.mountPoint().startsWith("/proc/")) {
        procPaths.add(m.mountPoint().substring("/proc/".length()));
      } else if (m.mountPoint().startsWith("/sys/fs/cgroup")) {
        cgroups++;
      } else if (m.mountPoint().startsWith("/sys/")) {
        sysPaths.add(m.mountPoint().substring("/sys/".length()));
      } else {
        shown.add(
            m.mountPoint()
                + " "
                + m.fsType()
                + " "
                + m.options()
                + (m.root().equals("/") ? "" : " <- " + m.root()));
      }
    }
    if (!procPaths.isEmpty()) {
      shown.add("/proc/ masked or read-only: " + String.join(" ", procPaths));
    }
    if (cgroups + sysPaths.size() > 0) {
      shown.add(
          "/sys/ "
              + (cgroups > 0 ? cgroups + " cgroup mount(s)" : "")
              + (sysPaths.isEmpty()
                  ? ""
                  : (cgroups > 0 ? "; " : "") + "masked: " + String.join(" ", sysPaths)));
    }
    return Fact.of("mounts", shown);
  }

  /** Effective capabilities and seccomp, from /proc/PID/status. */
  private static List<Fact> status(Path proc) {
    List<String> lines;
    try {
      lines = Files.readAllLines(proc.resolve("status"));
    } catch (IOException e) {
      String why = unreadable(proc.resolve("status"), e);
      return List.of(Fact.unreadable("capabilities", why), Fact.unreadable("seccomp", why));
    }
    Optional<String> capEff = field(lines, "CapEff:");
    Fact caps;
    try {
      caps =
          capEff
              .map(
                  hex -> {
                    List<String> names = Capabilities.decode(hex);
                    return Fact.of(
                        "capabilities",
                        names.isEmpty()
                            ? "none (CapEff " + hex + ")"
                            : names.size()
                                + " effective (CapEff "
                                + hex
                                + ", in the container's own user namespace): "
                                + String.join(" ", names));
                  })
              .orElse(
                  Fact.unreadable("capabilities", proc.resolve("status") + " has no CapEff: line"));
    } catch (NumberFormatException e) {
      caps = Fact.unreadable("capabilities", "CapEff is not a hex mask: " + capEff.get());
    }
    Optional<String> seccomp = field(lines, "Seccomp:");
    Optional<String> filters = field(lines, "Seccomp_filters:");
    Fact mode =
        seccomp
            .map(
                m ->
                    Fact.of(
                        "seccomp",
                        switch (m) {
                          case "0" -> "0, disabled: no system call filter";
                          case "1" -> "1, strict";
                          case "2" ->
                              "2, filter"
                                  + filters.map(f -> " (" + f + " filter(s))").orElse("")
                                  + ": a seccomp profile limits system calls";
                          default -> m;
                        }))
            .orElse(
                Fact.unreadable(
                    "seccomp",
                    proc.resolve("status") + " has no Seccomp: line (a kernel without seccomp?)"));
    return List.of(caps, mode);
  }

  /** The cgroup lines; hierarchies where the process sits at the root are named on one line. */
  private static Fact cgroup(Path file) {
    Fact raw = raw("cgroup", file);
    if (!raw.measured()) {
      return raw;
    }
    List<String> placed = new ArrayList<>();
    List<String> atRoot = new ArrayList<>();
    for (String line : raw.lines()) {
      String[] f = line.split(":", 3);
      if (f.length == 3 && f[2].equals("/")) {
        atRoot.add(f[1].isEmpty() ? "unified (v2)" : f[1]);
      } else {
        placed.add(line);
      }
    }
    if (!atRoot.isEmpty()) {
      placed.add("at / in: " + String.join(", ", atRoot));
    }
    return Fact.of("cgroup", placed);
  }

  private static Optional<String> field(List<String> lines, String name) {
    return lines.stream()
        .filter(l -> l.startsWith(name))
        .map(l -> l.substring(name.length()).strip())
        .findFirst();
  }

  private static Fact raw(String label, Path file) {
    try {
      List<String> lines =
          Files.readAllLines(file).stream()
              .map(l -> l.strip().replaceAll("\\s+", " "))
              .filter(l -> !l.isEmpty())
              .toList();
      return lines.isEmpty() ? Fact.unreadable(label, file + " is empty") : Fact.of(label, lines);
    } catch (IOException e) {
      return Fact.unreadable(label, unreadable(file, e));
    }
  }

  private static String unreadable(Path file, IOException e) {
    return e instanceof java.nio.file.NoSuchFileException
        ? file + " is gone: the process has exited"
        : "cannot read " + file + ": " + e.getMessage();
  }

  /** Field 22 of /proc/PID/stat: tells this process from a later one that got its pid. */
  private static Optional<String> startTime(Path proc) {
    try {
      String stat = Files.readString(proc.resolve("stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
      return fields.length > 19 ? Optional.of(fields[19]) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static boolean readOnly(String options) {
    return List.of(options.split(",")).contains("ro");
  }

  private static String joined(List<Path> roots) {
    return String.join(", ", roots.stream().map(Path::toString).toList());
  }
}
