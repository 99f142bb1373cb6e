package dev.rootlessctr.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuncCveCheckTest {

  @TempDir Path tree;
  private FakeHost host;

  @BeforeEach
  void debianWithPackagedRunc() {
    host = FakeHost.healthy(tree).remove("/usr/bin/runc");
    host.env.put("PATH", "/usr/local/bin:/usr/bin:/bin:/usr/sbin");
    host.tool("/usr/sbin/runc", "runc version 1.1.5+ds1\ncommit: 1.1.5+ds1-1+deb12u1");
  }

  private void dpkgSays(String version) {
    host.script(
        "/usr/bin/dpkg-query",
        "[ \"$*\" = '-W -f ${Version} runc' ] || exit 2\nprintf '%s' '" + version + "'");
  }

  @Test
  void upstreamFixedVersionPasses() {
    host.tool("/usr/sbin/runc", "runc version 1.1.12");
    Finding finding = host.run(new RuncCveCheck());
    assertEquals(Status.PASS, finding.status());
    assertEquals("runc 1.1.12 is 1.1.12 or later", finding.seen());
  }

  @Test
  void debianBookwormBackportPassesAndSaysSo() {
    dpkgSays("1.1.5+ds1-1+deb12u1");
    Finding finding = host.run(new RuncCveCheck());
    assertEquals(Status.PASS, finding.status());
    assertEquals(
        "runc 1.1.5+ds1 is older than 1.1.12, but it is Debian's package 1.1.5+ds1-1+deb12u1,"
            + " which carries the backported fix (bookworm's security update"
            + " 1.1.5+ds1-1+deb12u1 or later)",
        finding.seen());
  }

  @Test
  void debianPackageWithoutTheBackportWarnsWithTheUpgradeCommand() {
    dpkgSays("1.1.5+ds1-1");
    Finding finding = host.run(new RuncCveCheck());
    assertEquals(Status.WARN, finding.status());
    assertEquals(
        "runc 1.1.5+ds1 is older than 1.1.12 and Debian package version 1.1.5+ds1-1 has no"
            + " backported fix",
        finding.seen());
    assertTrue(finding.why().contains("CVE-2024-21626"));
    assertEquals(
        "Upgrade it (Debian 12 bookworm's fixed package is 1.1.5+ds1-1+deb12u1, from"
            + " bookworm-security):\n"
            + "  sudo apt-get update && sudo apt-get install --only-upgrade -y runc",
        finding.fix());
  }

  @Test
  void thePackageVersionDoesNotVouchForAnotherRunc() {
    dpkgSays("1.1.5+ds1-1+deb12u1");
    host.tool("/usr/local/bin/runc", "runc version 1.1.5");
    Finding finding = host.run(new RuncCveCheck());
    assertEquals(Status.WARN, finding.status());
    assertEquals(
        "runc 1.1.5 is older than 1.1.12 and no distribution backport is known to this course",
        finding.seen());
  }

  @Test
  void fedoraIsToldToUpgradeWithDnf() {
    host.file("/etc/os-release", FakeHost.FEDORA);
    host.tool("/usr/sbin/runc", "runc version 1.1.9");
    Finding finding = host.run(new RuncCveCheck());
    assertEquals(Status.WARN, finding.status());
    assertEquals("Upgrade it:\n  sudo dnf upgrade -y runc", finding.fix());
  }

  @Test
  void backportRecognitionFollowsDebianVersionOrder() {
    assertTrue(RuncCveCheck.carriesBackport("1.1.5+ds1-1+deb12u1"));
    assertTrue(RuncCveCheck.carriesBackport("1.1.5+ds1-1+deb12u2"));
    assertTrue(!RuncCveCheck.carriesBackport("1.1.5+ds1-1"));
    assertTrue(!RuncCveCheck.carriesBackport("1.1.4+ds1-1+deb12u9"));
  }
}
