package dev.rootlessctr.probe;

import dev.rootlessctr.host.CgroupFacts;
import dev.rootlessctr.host.HostUser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cgroups [NAME|PID]}: without an argument, what the host offers the learner's processes
 * (the cgroup version, their own cgroup, whether it is delegated to them, the controllers); with a
 * container, its cgroup and the pids and memory limits in force there. Read with the doctor's
 * {@link CgroupFacts}.
 *
 * <p>The cgroup filesystem is read beside the proc root ({@code PROCROOT/../sys/fs/cgroup}), so a
 * fake host tree with {@code proc} and {@code sys} side by side stands in for the real one.
 */
final class CgroupsProbe implements Probe {

  private final LearnerIds learner;

  CgroupsProbe(LearnerIds learner) {
    this.learner = learner;
  }

  @Override
  public String name() {
    return "cgroups";
  }

  @Override
  public String usage() {
    return "cgroups [NAME|PID]";
  }

  @Override
  public List<String> valueNames() {
    return List.of(
        "version",
        "ownCgroup",
        "owner",
        "delegated",
        "controllers",
        "ownControllers",
        "containerCgroup",
        "pidsMax",
        "pidsCurrent",
        "memoryMax");
  }

  @Override
  public ProbeResult run(ProbeContext context, List<String> args) throws IOException {
    ProbeArgs.require(this, args, 0, 1);
    Path root = context.procRoot().toAbsolutePath().getParent();
    HostUser user = learner.of(context);
    if (args.isEmpty()) {
      return host(root, user);
    }
    return container(context, root, args.get(0));
  }

  private ProbeResult host(Path root, HostUser user) {
    String expected = "the cgroup hierarchy of this host can be read";
    CgroupFacts facts = CgroupFacts.read(hostPath -> under(root, hostPath), "/proc/self/cgroup");
    if (facts.version() == CgroupFacts.Version.NONE) {
      return ProbeResult.fail(expected, "there is no cgroup filesystem at /sys/fs/cgroup");
    }
    if (facts.ownPath().isEmpty()) {
      return ProbeResult.fail(expected, "/proc/self/cgroup names no cgroup for this shell");
    }
    String owner =
        facts.owner().isPresent() ? Integer.toString(facts.owner().getAsInt()) : "unknown";
    boolean delegated = facts.delegatedTo(user.uid());
    Map<String, String> values = new LinkedHashMap<>();
    values.put("version", facts.version().word());
    values.put("ownCgroup", facts.ownPath().get());
    values.put("owner", owner);
    values.put("delegated", Boolean.toString(delegated));
    values.put("controllers", orNone(facts.controllers()));
    values.put("ownControllers", delegated ? orNone(facts.ownControllers()) : "none");
    return ProbeResult.pass(
        expected,
        "cgroup "
            + facts.version().word()
            + "; this shell is in "
            + facts.ownPath().get()
            + " ("
            + facts.ownDir()
            + ", owner uid "
            + owner
            + (delegated ? ", delegated to you" : ", not delegated to you")
            + ")",
        values);
  }

  private ProbeResult container(ProbeContext context, Path root, String name) throws IOException {
    String expected = "the cgroup v2 of " + name + " with its pids and memory limits";
    try {
      ContainerProcess process = ContainerProcess.find(context, name);
      String membership =
          CgroupFacts.text(process.procDir().resolve("cgroup"))
              .orElseThrow(() -> new Unmet("cannot read " + process.procDir().resolve("cgroup")));
      String path =
          CgroupFacts.unifiedPath(membership)
              .orElseThrow(
                  () ->
                      new Unmet(
                          process.label()
                              + " is in no cgroup v2 (its /proc/PID/cgroup has no 0:: line)"));
      String dir = "/sys/fs/cgroup" + (path.equals("/") ? "" : path);
      String pidsMax = read(root, dir + "/pids.max", process);
      Map<String, String> values = new LinkedHashMap<>();
      values.put("containerCgroup", path);
      values.put("pidsMax", pidsMax);
      values.put("pidsCurrent", read(root, dir + "/pids.current", process));
      values.put("memoryMax", read(root, dir + "/memory.max", process));
      return ProbeResult.pass(
          expected,
          process.label()
              + " is in "
              + path
              + " with pids.max "
              + pidsMax
              + " and memory.max "
              + values.get("memoryMax"),
          values);
    } catch (Unmet unmet) {
      return ProbeResult.fail(expected, unmet.getMessage());
    }
  }

  private static String read(Path root, String hostPath, ContainerProcess process) throws Unmet {
    return CgroupFacts.text(under(root, hostPath))
        .map(String::strip)
        .orElseThrow(
            () ->
                new Unmet(
                    "cannot read "
                        + hostPath
                        + " for "
                        + process.label()
                        + ": the pids and memory controllers are not enabled for its cgroup"));
  }

  private static Path under(Path root, String hostPath) {
    String relative = hostPath.replaceFirst("^/+", "");
    return relative.isEmpty() ? root : root.resolve(relative);
  }

  private static String orNone(String words) {
    return words.isEmpty() ? "none" : words;
  }
}
