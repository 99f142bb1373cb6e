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
        "no entry for learner in /etc/subuid; no entry for learner in /etc/subgid",
        finding.seen());
    assertTrue(finding.why().contains("needs no subordinate ids"), finding.why());
    assertEquals(
        "Optional; give yourself a range no other user has, e.g.:\n"
            + "  sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 learner",
        finding.fix());
  }
}
