package dev.rootlessctr.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsernsCheckTest {

  @TempDir Path tree;

  @Test
  void aNamespaceThatCanBeCreatedPasses() {
    FakeHost host = FakeHost.healthy(tree);
    host.script("/usr/bin/unshare", "[ \"$*\" = '--user --map-root-user true' ] || exit 2");
    Finding finding = host.run(new UsernsCheck());
    assertEquals(Status.PASS, finding.status());
    assertEquals(
        "created one: `unshare --user --map-root-user true` succeeded;"
            + " user.max_user_namespaces = 15000",
        finding.seen());
  }

  @Test
  void debianStyleSwitchOffFailsWithThePersistentSysctl() {
    FakeHost host =
        FakeHost.healthy(tree).file("/proc/sys/kernel/unprivileged_userns_clone", "0\n");
    Finding finding = host.run(new UsernsCheck());
    assertEquals(Status.FAIL, finding.status());
    assertEquals(
        "kernel.unprivileged_userns_clone = 0: this kernel lets only root create user namespaces",
        finding.seen());
    assertEquals(
        "Allow them now and after reboots:\n"
            + "  sudo sysctl -w kernel.unprivileged_userns_clone=1\n"
            + "  echo 'kernel.unprivileged_userns_clone = 1' | sudo tee"
            + " /etc/sysctl.d/90-rootless-ctr.conf",
        finding.fix());
  }

  @Test
  void zeroMaxUserNamespacesFails() {
    FakeHost host = FakeHost.healthy(tree).file("/proc/sys/user/max_user_namespaces", "0\n");
    Finding finding = host.run(new UsernsCheck());
    assertEquals(Status.FAIL, finding.status());
    assertEquals(
        "user.max_user_namespaces = 0: no user namespaces may be created at all", finding.seen());
    assertTrue(finding.fix().contains("sysctl -w user.max_user_namespaces=15000"), finding.fix());
  }

  @Test
  void aRefusedNamespaceWithoutAppArmorFailsWithTheError() {
    FakeHost host = FakeHost.healthy(tree);
    host.script(
        "/usr/bin/unshare", "echo 'unshare: unshare failed: Operation not permitted' >&2; exit 1");
    Finding finding = host.run(new UsernsCheck());
    assertEquals(Status.FAIL, finding.status());
    assertEquals(
        "`unshare --user --map-root-user true` failed: unshare: unshare failed: Operation not"
            + " permitted",
        finding.seen());
  }

  @Test
  void aRefusalUnderAppArmorRestrictionDefersToTheAppArmorFinding() {
    FakeHost host =
        FakeHost.healthy(tree)
            .file("/proc/sys/kernel/apparmor_restrict_unprivileged_userns", "1\n");
    host.script(
        "/usr/bin/unshare",
        "echo 'unshare: write failed /proc/self/uid_map: Operation not permitted' >&2; exit 1");
    Finding finding = host.run(new UsernsCheck());
    assertEquals(Status.WARN, finding.status());
    assertTrue(
        finding.seen().contains("because AppArmor restricts user namespaces"), finding.seen());
  }

  @Test
  void withoutUnshareTheSysctlsAloneGiveAWarning() {
    FakeHost host = FakeHost.healthy(tree).remove("/usr/bin/unshare");
    Finding finding = host.run(new UsernsCheck());
    assertEquals(Status.WARN, finding.status());
    assertTrue(finding.seen().startsWith("could not try one"), finding.seen());
  }
}
