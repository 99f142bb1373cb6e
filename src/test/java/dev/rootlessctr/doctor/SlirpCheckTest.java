package dev.rootlessctr.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.lesson.Requirement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlirpCheckTest {

  @TempDir Path tree;

  private static SlirpCheck slirp() {
    return new SlirpCheck(
        new ToolCheck("slirp4netns", Requirement.SLIRP4NETNS, true, "slirp4netns: a way out."));
  }

  @Test
  void installedWithAUsableTunDevicePasses() {
    Finding finding = FakeHost.healthy(tree).run(slirp());

    assertEquals(Status.PASS, finding.status(), finding.seen());
    assertEquals(
        "slirp4netns 1.2.0 at /usr/bin/slirp4netns; /dev/net/tun is open to you", finding.seen());
  }

  @Test
  void missingItOnlyWarnsAndOffersTheDebianPackage() {
    Finding finding = FakeHost.healthy(tree).remove("/usr/bin/slirp4netns").run(slirp());

    assertEquals(Status.WARN, finding.status());
    assertEquals(List.of("slirp4netns"), finding.packages());
    assertTrue(finding.fix().contains("apt-get install -y slirp4netns"), finding.fix());
  }

  @Test
  void withoutATunDeviceItSaysToLoadTheModule() {
    Finding finding = FakeHost.healthy(tree).remove("/dev/net/tun").run(slirp());

    assertEquals(Status.WARN, finding.status());
    assertTrue(finding.seen().endsWith("but /dev/net/tun does not exist"), finding.seen());
    assertTrue(finding.fix().contains("modprobe tun"), finding.fix());
  }

  @Test
  void aTunDeviceOnlyRootMayOpenIsNamedWithItsModeAndTheFix() throws Exception {
    // Root may open any file: the refusal can only be seen as an ordinary user.
    assumeFalse(HostUser.current().isRoot(), "runs as an ordinary user only");
    FakeHost host = FakeHost.healthy(tree);
    Files.setPosixFilePermissions(
        host.path("/dev/net/tun"), PosixFilePermissions.fromString("---------"));

    Finding finding = host.run(slirp());

    assertEquals(Status.WARN, finding.status());
    assertTrue(finding.seen().contains("mode ---------"), finding.seen());
    assertTrue(finding.fix().startsWith("Ask an administrator to run: chmod 0666"), finding.fix());
  }
}
