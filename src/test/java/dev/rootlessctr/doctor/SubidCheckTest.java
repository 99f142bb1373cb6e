package dev.rootlessctr.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubidCheckTest {

  @TempDir Path tree;

  @Test
  void entriesByNamePass() {
    Finding finding = FakeHost.healthy(tree).run(new SubidCheck());
    assertEquals(Status.PASS, finding.status());
    assertEquals(
        "/etc/subuid: learner:100000:65536; /etc/subgid: learner:100000:65536", finding.seen());
  }

  @Test
  void entriesByUidCountToo() {
    FakeHost host = FakeHost.healthy(tree);
    host.file("/etc/subuid", host.learnerUid + ":200000:65536\n");
    assertEquals(Status.PASS, host.run(new SubidCheck()).status());
  }

  @Test
  void missingEntriesAreAWarningThatSaysTheCourseDoesNotNeedThem() {
    FakeHost host = FakeHost.healthy(tree).file("/etc/subuid", "someone:100000:65536\n");
    host.remove("/etc/subgid");
    Finding finding = host.run(new SubidCheck());
    assertEquals(Status.WARN, finding.status());
    assertEquals(
        "no entry for learner in /etc/subuid; no entry for learner in /etc/subgid", finding.seen());
    assertTrue(finding.why().contains("needs no subordinate ids"), finding.why());
    assertEquals(
        "Optional; 165536-231071 is not used in /etc/subuid or /etc/subgid yet:\n"
            + "  sudo usermod --add-subuids 165536-231071 --add-subgids 165536-231071 learner",
        finding.fix());
  }

  @Test
  void theAdvisedRangeIsTheFirstGapFreeInBothFiles() {
    FakeHost host =
        FakeHost.healthy(tree)
            .file("/etc/subuid", "first:100000:65536\nthird:300000:65536\n# comment\n")
            .file("/etc/subgid", "first:100000:65536\nsecond:165536:65536\n");
    Finding finding = host.run(new SubidCheck());
    assertTrue(
        finding.fix().contains("--add-subuids 231072-296607 --add-subgids 231072-296607"),
        finding.fix());
    // A small range in the way pushes the start past it, not to the next 65536 boundary.
    host.file("/etc/subuid", "").file("/etc/subgid", "x:100000:50000\nodd:150000:10\n");
    assertTrue(
        host.run(new SubidCheck()).fix().contains("--add-subuids 150010-215545"),
        host.run(new SubidCheck()).fix());
  }

  @Test
  void aFullIdSpaceIsSaidNotGuessed() {
    FakeHost host =
        FakeHost.healthy(tree)
            .file("/etc/subuid", "everyone:100000:4294860000\n")
            .file("/etc/subgid", "");
    assertEquals(
        "Optional; /etc/subuid and /etc/subgid leave no free range of 65536 ids: ask"
            + " whoever runs the machine for one.",
        host.run(new SubidCheck()).fix());
  }
}
