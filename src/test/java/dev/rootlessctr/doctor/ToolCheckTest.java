package dev.rootlessctr.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.lesson.Requirement;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolCheckTest {

  @TempDir Path tree;

  private static ToolCheck runc() {
    return new ToolCheck("runc", Requirement.RUNC, false, "runc runs the containers.");
  }

  @Test
  void aToolOnPathPassesWithItsVersionAndPlace() {
    Finding finding = FakeHost.healthy(tree).run(runc());
    assertEquals(Status.PASS, finding.status());
    assertEquals("runc 1.1.12 at /usr/bin/runc", finding.seen());
  }

  @Test
  void aMissingToolOnDebianFailsWithTheAptCommandAndItsPackage() {
    FakeHost host = FakeHost.healthy(tree).remove("/usr/bin/runc");
    Finding finding = host.run(runc());
    assertEquals(Status.FAIL, finding.status());
    assertEquals("not installed (not found on your PATH)", finding.seen());
    assertEquals(
        "Install it:\n  sudo apt-get update && sudo apt-get install -y runc", finding.fix());
    assertEquals(List.of("runc"), finding.packages());
  }

  @Test
  void onUbuntuTheFixAlsoMentionsUniverse() {
    FakeHost host = FakeHost.healthy(tree).remove("/usr/bin/skopeo");
    host.file("/etc/os-release", FakeHost.UBUNTU);
    Finding finding =
        host.run(new ToolCheck("skopeo", Requirement.SKOPEO, false, "skopeo copies images."));
    assertEquals(
        "Install it:\n"
            + "  sudo apt-get update && sudo apt-get install -y skopeo\n"
            + "If apt cannot find it, enable Ubuntu's universe component first:\n"
            + "  sudo add-apt-repository universe",
        finding.fix());
  }

  @Test
  void onFedoraTheFixUsesDnf() {
    FakeHost host = FakeHost.healthy(tree).remove("/usr/bin/runc");
    host.file("/etc/os-release", FakeHost.FEDORA);
    Finding finding = host.run(runc());
    assertEquals("Install it:\n  sudo dnf install -y runc", finding.fix());
    assertEquals(List.of("runc"), finding.packages());
  }

  @Test
  void onFedoraOciImageToolIsBuiltWithGoAndNoPackageIsOffered() {
    FakeHost host = FakeHost.healthy(tree).remove("/usr/bin/oci-image-tool");
    host.file("/etc/os-release", FakeHost.FEDORA);
    Finding finding =
        host.run(
            new ToolCheck("oci-image-tool", Requirement.OCI_IMAGE_TOOL, false, "unpacks images."));
    assertEquals(Status.FAIL, finding.status());
    assertTrue(
        finding
            .fix()
            .contains("go install github.com/opencontainers/image-tools/cmd/oci-image-tool@latest"),
        finding.fix());
    assertEquals(List.of(), finding.packages());
  }

  @Test
  void aToolInSbinButNotOnPathFailsWithThePathFix() {
    FakeHost host = FakeHost.healthy(tree).remove("/usr/bin/runc");
    host.tool("/usr/sbin/runc", "runc version 1.1.12");
    Finding finding = host.run(runc());
    assertEquals(Status.FAIL, finding.status());
    assertEquals("installed at /usr/sbin/runc, but /usr/sbin is not on your PATH", finding.seen());
    assertTrue(finding.fix().contains("  export PATH=\"$PATH:/usr/sbin\""), finding.fix());
    assertEquals(List.of(), finding.packages(), "installing again would not help");
  }

  @Test
  void aMissingOptionalToolIsOnlyAWarning() {
    FakeHost host = FakeHost.healthy(tree).remove("/usr/bin/crun");
    Finding finding = host.run(new ToolCheck("crun", Requirement.CRUN, true, "crun compares."));
    assertEquals(Status.WARN, finding.status());
    assertEquals(List.of("crun"), finding.packages());
  }

  @Test
  void aToolWhoseVersionFailsIsReportedWithItsError() {
    FakeHost host = FakeHost.healthy(tree);
    host.script("/usr/bin/runc", "echo 'runc: error while loading shared libraries' >&2; exit 127");
    Finding finding = host.run(runc());
    assertEquals(Status.FAIL, finding.status());
    assertEquals(
        "found at /usr/bin/runc but `runc --version` failed: "
            + "runc: error while loading shared libraries",
        finding.seen());
    assertEquals(
        "Reinstall it:\n  sudo apt-get update && sudo apt-get install -y runc", finding.fix());
  }

  @Test
  void versionsAreTakenFromTheVersionWord() {
    assertEquals("1.1.5+ds1", ToolCheck.versionOf("runc version 1.1.5+ds1\ncommit: x"));
    assertEquals("0.4.7", ToolCheck.versionOf("umoci version v0.4.7"));
    assertEquals("something odd", ToolCheck.versionOf("something odd\nmore"));
  }
}
