package dev.rootlessctr.doctor;

import dev.rootlessctr.host.CgroupFacts;
import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.lesson.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads the cgroup version and which controllers are delegated to the learner. */
final class CgroupCheck implements Check {

  private static final String WHY =
      "When config.json asks for no limits (as in this course), runc leaves the container in your"
          + " own cgroup and all lessons work. With limits (memory, pids) it fails with \"rootless"
          + " needs no limits + no cgrouppath when no permission is granted for cgroups\".";

  @Override
  public Finding run(HostView host) {
    Finding.Draft draft =
        Finding.about(
            "cgroups",
            "Control groups",
            Requirement.CGROUPS,
            "/sys/fs/cgroup/cgroup.controllers, your cgroup from /proc/self/cgroup and its"
                + " cgroup.controllers / cgroup.subtree_control");
    CgroupFacts facts = CgroupFacts.read(host::resolve, "/proc/self/cgroup");
    if (facts.version() == CgroupFacts.Version.NONE) {
      return draft.warn("no cgroup filesystem at /sys/fs/cgroup", WHY, bootWithV2(host));
    }
    if (facts.version() == CgroupFacts.Version.HYBRID) {
      return draft.warn(
          "cgroup v1 and v2 side by side (hybrid: the v1 hierarchies hold the controllers, and"
              + " there is no /sys/fs/cgroup/cgroup.controllers): an unprivileged user gets no"
              + " cgroup",
          WHY,
          bootWithV2(host));
    }
    if (facts.version() != CgroupFacts.Version.V2) {
      return draft.warn(
          "cgroup v1 (no /sys/fs/cgroup/cgroup.controllers): an unprivileged user gets no cgroup",
          WHY,
          bootWithV2(host));
    }
    HostUser learner = host.user();
    Optional<String> own = facts.ownPath();
    if (own.isEmpty()) {
      return draft.warn("cgroup v2, but /proc/self/cgroup has no 0:: line", WHY, "");
    }
    if (facts.delegatedTo(learner.uid())) {
      return draft.pass(
          "cgroup v2; your cgroup "
              + own.get()
              + " is delegated to you with controllers: "
              + orNone(facts.ownControllers())
              + "; enabled for children: "
              + orNone(facts.subtreeControl()));
    }
    String service =
        "/user.slice/user-" + learner.uid() + ".slice/user@" + learner.uid() + ".service";
    String serviceDir = "/sys/fs/cgroup" + service;
    Optional<DirAccess> serviceAccess = access(host.resolve(serviceDir));
    String seen =
        "cgroup v2; your cgroup "
            + own.get()
            + " is not delegated to you (owner uid "
            + (facts.owner().isPresent() ? Integer.toString(facts.owner().getAsInt()) : "unknown")
            + ")";
    if (serviceAccess.isPresent() && serviceAccess.get().ownedBy(learner)) {
      return draft.warn(
          seen + "; systemd delegates " + controllers(host, serviceDir) + " to " + service,
          WHY,
          "To use limits, start the course inside your delegated systemd scope:\n"
              + "  systemd-run --user --scope -p Delegate=yes ./rootless-ctr");
    }
    String sudo = learner.isRoot() ? "" : "sudo ";
    return draft.warn(
        seen,
        WHY,
        "To use limits, let systemd delegate cgroups to users, then log in again:\n"
            + "  "
            + sudo
            + "mkdir -p /etc/systemd/system/user@.service.d\n"
            + "  printf '[Service]\\nDelegate=yes\\n' | "
            + sudo
            + "tee /etc/systemd/system/user@.service.d/delegate.conf\n"
            + "  "
            + sudo
            + "systemctl daemon-reload");
  }

  static Optional<String> unifiedPath(String procSelfCgroup) {
    return CgroupFacts.unifiedPath(procSelfCgroup);
  }

  private static String orNone(String words) {
    return words.isEmpty() ? "none" : words;
  }

  private static Optional<DirAccess> access(Path dir) {
    try {
      return Files.isDirectory(dir) ? Optional.of(DirAccess.of(dir)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String controllers(HostView host, String dir) {
    return words(host.read(dir + "/cgroup.controllers"));
  }

  private static String words(Optional<String> text) {
    String value = text.map(String::strip).orElse("");
    return value.isEmpty() ? "none" : value;
  }

  private static String bootWithV2(HostView host) {
    String sudo = SudoAccess.prefix(host);
    String arg = "systemd.unified_cgroup_hierarchy=1";
    String how =
        switch (host.distro().family()) {
          case DEBIAN, UBUNTU ->
              "add "
                  + arg
                  + " to GRUB_CMDLINE_LINUX in /etc/default/grub, run `"
                  + sudo
                  + "update-grub` and reboot";
          case FEDORA ->
              "run `" + sudo + "grubby --update-kernel=ALL --args=" + arg + "` and reboot";
          case OTHER -> "add " + arg + " to the kernel command line and reboot";
        };
    return "Only needed for lessons that set limits. Switch to cgroup v2: "
        + how
        + ". Inside a container, the host decides.";
  }
}
