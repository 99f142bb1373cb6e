package dev.rootlessctr.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupCheckTest {

  @TempDir Path tree;

  @Test
  void aDelegatedCgroupV2Passes() {
    FakeHost host = FakeHost.healthy(tree);
    Finding finding = host.run(new CgroupCheck());
    assertEquals(Status.PASS, finding.status());
    assertEquals(
        "cgroup v2; your cgroup /user.slice/user-"
            + host.learnerUid
            + ".slice/user@"
            + host.learnerUid
            + ".service/app.slice/course.scope is delegated to you with"
            + " controllers: cpu memory pids; enabled for children: none",
        finding.seen());
  }

  @Test
  void aHybridHostIsCalledHybridAsTheCgroupsProbeCallsIt() {
    FakeHost host =
        FakeHost.healthy(tree)
            .remove("/sys/fs/cgroup/cgroup.controllers")
            .file("/sys/fs/cgroup/unified/cgroup.controllers", "hugetlb\n");
    Finding finding = host.run(new CgroupCheck());
    assertEquals(Status.WARN, finding.status());
    assertEquals(
        "cgroup v1 and v2 side by side (hybrid: the v1 hierarchies hold the controllers, and there"
            + " is no /sys/fs/cgroup/cgroup.controllers): an unprivileged user gets no cgroup",
        finding.seen());
    assertTrue(finding.fix().contains("systemd.unified_cgroup_hierarchy=1"), finding.fix());
  }

  @Test
  void cgroupV1WarnsWithTheGrubFixOnDebian() {
    FakeHost host = FakeHost.healthy(tree).remove("/sys/fs/cgroup/cgroup.controllers");
    Finding finding = host.run(new CgroupCheck());
    assertEquals(Status.WARN, finding.status());
    assertEquals(
        "cgroup v1 (no /sys/fs/cgroup/cgroup.controllers): an unprivileged user gets no cgroup",
        finding.seen());
    assertTrue(finding.why().contains("rootless needs no limits + no cgrouppath"), finding.why());
    assertTrue(
        finding
            .fix()
            .contains(
                "GRUB_CMDLINE_LINUX in /etc/default/grub, run `sudo" + " update-grub` and reboot"),
        finding.fix());
  }

  @Test
  void cgroupV1OnFedoraUsesGrubby() {
    FakeHost host = FakeHost.healthy(tree).remove("/sys/fs/cgroup/cgroup.controllers");
    host.file("/etc/os-release", FakeHost.FEDORA);
    Finding finding = host.run(new CgroupCheck());
    assertTrue(
        finding
            .fix()
            .contains(
                "run `sudo grubby --update-kernel=ALL --args=systemd.unified_cgroup_hierarchy=1`"
                    + " and reboot"),
        finding.fix());
  }

  @Test
  void aSessionCgroupOwnedByRootPointsAtTheDelegatedUserService() {
    FakeHost host = FakeHost.healthy(tree);
    assumeFalse(host.learnerOwnsTreeFiles(), "needs a cgroup that belongs to someone else");
    String service =
        "/user.slice/user-" + host.learnerUid + ".slice/user@" + host.learnerUid + ".service";
    String session = "/user.slice/user-" + host.learnerUid + ".slice/session-3.scope";
    host.file("/proc/self/cgroup", "0::" + session + "\n");
    host.file("/sys/fs/cgroup" + session + "/cgroup.controllers", "cpu memory pids\n");
    host.file("/sys/fs/cgroup" + service + "/cgroup.controllers", "memory pids\n");
    host.ownByLearner("/sys/fs/cgroup" + service);
    Finding finding = host.run(new CgroupCheck());
    assertEquals(Status.WARN, finding.status());
    assertEquals(
        "cgroup v2; your cgroup "
            + session
            + " is not delegated to you (owner uid 0); systemd"
            + " delegates memory pids to "
            + service,
        finding.seen());
    assertEquals(
        "To use limits, start the course inside your delegated systemd scope:\n"
            + "  systemd-run --user --scope -p Delegate=yes ./rootless-ctr",
        finding.fix());
  }

  @Test
  void noDelegationAtAllShowsTheSystemdDropIn() {
    FakeHost host = FakeHost.healthy(tree);
    assumeFalse(host.learnerOwnsTreeFiles(), "needs a cgroup that belongs to someone else");
    host.file("/proc/self/cgroup", "0::/system.slice/ssh.service\n");
    host.file("/sys/fs/cgroup/system.slice/ssh.service/cgroup.controllers", "memory\n");
    host.remove(
        "/sys/fs/cgroup/user.slice/user-"
            + host.learnerUid
            + ".slice/user@"
            + host.learnerUid
            + ".service/app.slice/course.scope/cgroup.controllers");
    Finding finding = host.run(new CgroupCheck());
    assertEquals(Status.WARN, finding.status());
    assertTrue(
        finding
            .fix()
            .contains(
                "printf '[Service]\\nDelegate=yes\\n' | sudo tee"
                    + " /etc/systemd/system/user@.service.d/delegate.conf"),
        finding.fix());
  }

  @Test
  void unifiedPathIsTheZeroLine() {
    assertEquals("/a/b", CgroupCheck.unifiedPath("1:name=systemd:/x\n0::/a/b\n").orElseThrow());
    assertTrue(CgroupCheck.unifiedPath("4:memory:/x\n").isEmpty());
  }
}
