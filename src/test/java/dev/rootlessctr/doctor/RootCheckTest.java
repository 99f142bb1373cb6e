package dev.rootlessctr.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.lesson.Requirement;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootCheckTest {

  @TempDir Path tree;

  @Test
  void anOrdinaryUserPasses() {
    FakeHost host = FakeHost.healthy(tree);
    Finding finding = host.run(new RootCheck(false));
    assertEquals(Status.PASS, finding.status());
    assertEquals("uid " + host.learnerUid + " (learner)", finding.seen());
  }

  @Test
  void rootIsRefusedWithTheReason() {
    FakeHost host = FakeHost.healthy(tree).user(0);
    Finding finding = host.run(new RootCheck(false));
    assertEquals(Status.FAIL, finding.status());
    assertEquals(Requirement.NOT_ROOT, finding.requirement());
    assertEquals("running as root (uid 0)", finding.seen());
    assertTrue(finding.why().contains("/run/runc"), finding.why());
    assertTrue(finding.why().contains("maps the container's uid 0 to host uid 0"), finding.why());
    assertTrue(finding.why().contains("Rootless Docker's setup tool refuses root"), finding.why());
    assertTrue(finding.fix().contains("--allow-root"), finding.fix());
  }

  @Test
  void rootAllowedIsAWarningThatNothingIsRootless() {
    FakeHost host = FakeHost.healthy(tree).user(0);
    Finding finding = host.run(new RootCheck(true));
    assertEquals(Status.WARN, finding.status());
    assertEquals(
        "running as root (uid 0), allowed by --allow-root: nothing will be rootless",
        finding.seen());
  }

  @Test
  void anUnreadableStatusIsAWarningNotAGuess() {
    FakeHost host = FakeHost.healthy(tree).remove("/proc/self/status");
    Finding finding = host.run(new RootCheck(false));
    assertEquals(Status.WARN, finding.status());
    assertTrue(finding.seen().contains("could not read"), finding.seen());
  }
}
