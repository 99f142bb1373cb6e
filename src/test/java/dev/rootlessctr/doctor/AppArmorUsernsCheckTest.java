package dev.rootlessctr.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.lesson.Requirement;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppArmorUsernsCheckTest {

  @TempDir Path tree;
  private FakeHost host;

  @BeforeEach
  void ubuntuWithRestriction() {
    host = FakeHost.healthy(tree).remove("/usr/bin/runc");
    host.file("/etc/os-release", FakeHost.UBUNTU);
    host.file("/proc/sys/kernel/apparmor_restrict_unprivileged_userns", "1\n");
    host.env.put("PATH", "/usr/local/bin:/usr/bin:/bin:/usr/sbin");
  }

  @Test
  void noRestrictionPasses() {
    host.remove("/proc/sys/kernel/apparmor_restrict_unprivileged_userns");
    Finding finding = host.run(new AppArmorUsernsCheck());
    assertEquals(Status.PASS, finding.status());
    assertEquals("this kernel has no AppArmor user-namespace restriction", finding.seen());
  }

  @Test
  void restrictionLiftedPasses() {
    host.file("/proc/sys/kernel/apparmor_restrict_unprivileged_userns", "0\n");
    assertEquals(Status.PASS, host.run(new AppArmorUsernsCheck()).status());
  }

  @Test
  void thePackagedRuncIsExempted() {
    host.tool("/usr/sbin/runc", "runc version 1.1.12");
    Finding finding = host.run(new AppArmorUsernsCheck());
    assertEquals(Status.PASS, finding.status());
    assertEquals(
        "restricted (= 1) (as on Ubuntu 24.04), but the runc on your PATH is /usr/sbin/runc,"
            + " which Ubuntu's shipped AppArmor profile exempts",
        finding.seen());
  }

  @Test
  void aSymlinkToThePackagedRuncIsResolvedAndExempted() {
    host.tool("/usr/sbin/runc", "runc version 1.1.12");
    host.symlink("/usr/local/bin/runc", "../../sbin/runc");
    Finding finding = host.run(new AppArmorUsernsCheck());
    assertEquals(Status.PASS, finding.status());
    assertTrue(finding.seen().contains("/usr/local/bin/runc -> /usr/sbin/runc"), finding.seen());
  }

  @Test
  void aRuncElsewhereFailsWithAProfileForThatPath() {
    host.tool("/usr/local/bin/runc", "runc version 1.2.0");
    Finding finding = host.run(new AppArmorUsernsCheck());
    assertEquals(Status.FAIL, finding.status());
    assertEquals(Requirement.USERNS, finding.requirement());
    assertEquals(
        "restricted (= 1) (as on Ubuntu 24.04), and the runc on your PATH is"
            + " /usr/local/bin/runc, which no shipped profile exempts",
        finding.seen());
    assertTrue(finding.why().contains("write failed /proc/self/uid_map"), finding.why());
    assertEquals(
        "Give this runc its own AppArmor profile that allows user namespaces:\n"
            + "  printf 'abi <abi/4.0>,\\ninclude <tunables/global>\\nprofile rootless-ctr-runc"
            + " /usr/local/bin/runc flags=(unconfined) {\\n  userns,\\n}\\n' | sudo tee"
            + " /etc/apparmor.d/rootless-ctr-runc\n"
            + "  sudo apparmor_parser -r /etc/apparmor.d/rootless-ctr-runc\n"
            + "Or lift the restriction for every program until the next reboot:\n"
            + "  sudo sysctl kernel.apparmor_restrict_unprivileged_userns=0",
        finding.fix());
  }

  @Test
  void noRuncYetIsAWarningPointingAtThePackage() {
    Finding finding = host.run(new AppArmorUsernsCheck());
    assertEquals(Status.WARN, finding.status());
    assertTrue(finding.fix().contains("/usr/sbin/runc"), finding.fix());
  }
}
