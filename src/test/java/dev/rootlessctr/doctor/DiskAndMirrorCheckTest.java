package dev.rootlessctr.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.lesson.Requirement;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskAndMirrorCheckTest {

  private static final long MB = 1024 * 1024;
  private static final Path LAB = Path.of("/home/learner/lab");

  @TempDir Path tree;

  private Finding diskWith(long bytes, String osRelease) {
    FakeHost host = FakeHost.healthy(tree).file("/etc/os-release", osRelease);
    host.freeBytes = bytes;
    return host.run(new DiskCheck(LAB));
  }

  @Test
  void plentyOfSpacePasses() {
    Finding finding = diskWith(3L * 1024 * MB, FakeHost.DEBIAN);
    assertEquals(Status.PASS, finding.status());
    assertEquals("3.0 GiB free for /home/learner/lab", finding.seen());
  }

  @Test
  void under200MegabytesWarnsWithAptClean() {
    Finding finding = diskWith(120 * MB, FakeHost.DEBIAN);
    assertEquals(Status.WARN, finding.status());
    assertEquals("120.0 MiB free for /home/learner/lab (under 200 MiB)", finding.seen());
    assertTrue(finding.fix().contains("`sudo apt-get clean`"), finding.fix());
  }

  @Test
  void under50MegabytesFailsWithDnfCleanOnFedora() {
    Finding finding = diskWith(30 * MB, FakeHost.FEDORA);
    assertEquals(Status.FAIL, finding.status());
    assertEquals("30.0 MiB free for /home/learner/lab (under 50 MiB)", finding.seen());
    assertTrue(finding.fix().contains("`sudo dnf clean all`"), finding.fix());
  }

  @Test
  void anUnknownMirrorIsReportedAsNotChecked() {
    Finding finding = FakeHost.healthy(tree).run(new MirrorCheck(null));
    assertEquals(Status.WARN, finding.status());
    assertEquals("not checked: this run was not told where the mirror is", finding.seen());
  }

  @Test
  void aMirrorThatAnswersPassesAndOneThatDoesNotBlocks() {
    FakeHost host = FakeHost.healthy(tree);
    assertEquals("answers at 127.0.0.1:5000", host.run(new MirrorCheck(mirror(true))).seen());
    Finding down = host.run(new MirrorCheck(mirror(false)));
    assertEquals(Status.FAIL, down.status());
    assertEquals(Requirement.MIRROR, down.requirement());
    assertEquals("no answer at 127.0.0.1:5000", down.seen());
  }

  static MirrorStatus mirror(boolean answers) {
    return MirrorStatus.of("127.0.0.1:5000", () -> answers);
  }
}
