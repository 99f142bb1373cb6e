package dev.rootlessctr.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.rootlessctr.lesson.Requirement;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XDG_RUNTIME_DIR, the state directory the course chooses, and that directory's check. */
class RunStateTest {

  @TempDir Path tree;

  @Test
  void aUsableRuntimeDirPassesAndHoldsTheStateDir() {
    FakeHost host = FakeHost.healthy(tree);
    String runtime = "/run/user/" + host.learnerUid;
    assertEquals(Status.PASS, host.run(new RuntimeDirCheck()).status());
    assertEquals(Path.of(runtime, "rootless-ctr", "runc"), RuncStateDir.forHost(host.view()));
  }

  @Test
  void anUnsetRuntimeDirWarnsAndExplainsTheRunRuncError() {
    FakeHost host = FakeHost.healthy(tree);
    host.env.remove("XDG_RUNTIME_DIR");
    Finding finding = host.run(new RuntimeDirCheck());
    assertEquals(Status.WARN, finding.status());
    assertEquals("not set (typical after su or sudo -u)", finding.seen());
    assertTrue(finding.why().contains("\"mkdir /run/runc: permission denied\""), finding.why());
    assertTrue(
        finding.why().endsWith("/tmp/rootless-ctr-runc-" + host.learnerUid + "."), finding.why());
    assertEquals(
        Path.of("/tmp/rootless-ctr-runc-" + host.learnerUid), RuncStateDir.forHost(host.view()));
  }

  @Test
  void aRuntimeDirLeftFromAnotherUserIsNotUsed() {
    FakeHost host = FakeHost.healthy(tree).dir("/run/user/0", "rwx------");
    assumeFalse(host.learnerOwnsTreeFiles(), "needs a directory that belongs to someone else");
    host.env.put("XDG_RUNTIME_DIR", "/run/user/0");
    Finding finding = host.run(new RuntimeDirCheck());
    assertEquals(Status.WARN, finding.status());
    assertEquals(
        "/run/user/0 is set but not usable: it belongs to uid 0 (left over from the user you"
            + " switched from?)",
        finding.seen());
    assertEquals(
        Path.of("/tmp/rootless-ctr-runc-" + host.learnerUid), RuncStateDir.forHost(host.view()));
  }

  @Test
  void aStateDirThatDoesNotExistYetPassesWhenItsParentIsWritable() {
    FakeHost host = FakeHost.healthy(tree);
    String runtime = "/run/user/" + host.learnerUid;
    Finding finding = host.run(new RuncStateDirCheck(Path.of(runtime, "rootless-ctr", "runc")));
    assertEquals(Status.PASS, finding.status());
    assertEquals(
        runtime + "/rootless-ctr/runc does not exist yet; you can create it in " + runtime,
        finding.seen());
  }

  @Test
  void anExistingStateDirOfTheLearnerPasses() {
    FakeHost host = FakeHost.healthy(tree).dir("/tmp/rootless-ctr-runc-1001", "rwx------");
    host.ownByLearner("/tmp/rootless-ctr-runc-1001");
    Finding finding = host.run(new RuncStateDirCheck(Path.of("/tmp/rootless-ctr-runc-1001")));
    assertEquals(Status.PASS, finding.status());
    assertEquals("/tmp/rootless-ctr-runc-1001 exists, is yours and writable", finding.seen());
  }

  @Test
  void aStateDirOfSomeoneElseFailsWithTheRealCauseAndNoSudo() {
    FakeHost host = FakeHost.healthy(tree).dir("/tmp/rootless-ctr-runc-1001", "rwx------");
    assumeFalse(host.learnerOwnsTreeFiles(), "needs a directory that belongs to someone else");
    Finding finding = host.run(new RuncStateDirCheck(Path.of("/tmp/rootless-ctr-runc-1001")));
    assertEquals(Status.FAIL, finding.status());
    assertEquals(Requirement.RUNC_STATE_DIR, finding.requirement());
    assertEquals(
        "/tmp/rootless-ctr-runc-1001 belongs to user root (uid 0), mode 0700: another user created"
            + " it; runc must not keep your containers there.",
        finding.seen());
    assertTrue(finding.why().contains("mkdir /run/runc: permission denied"), finding.why());
    assertFalse(finding.fix().contains("sudo"), finding.fix());
    assertFalse(finding.fix().contains("rm -rf"), finding.fix());
  }

  /** Another local user made the learner's /tmp state directory first, open to everyone. */
  @Test
  void aStateDirPreCreatedByAnotherUserIsNotUsedAndTheDoctorNamesWhoMadeIt() throws Exception {
    FakeHost host = FakeHost.healthy(tree).dir("/tmp/rootless-ctr-runc-1001", "rwxrwxrwx");
    assumeFalse(host.learnerOwnsTreeFiles(), "needs root to give the directory to another user");
    host.env.remove("XDG_RUNTIME_DIR");
    Path squatted = host.path("/tmp/rootless-ctr-runc-1001");
    Files.setAttribute(squatted, "unix:uid", 65534);
    Files.setAttribute(squatted, "unix:mode", 0777);
    String nobody = Files.getOwner(squatted).getName();

    Path chosen = RuncStateDir.forHost(host.view());
    assertEquals(Path.of("/home/learner/.local/state/rootless-ctr/runc"), chosen);
    Finding finding = host.run(new RuncStateDirCheck(chosen));
    assertEquals(Status.WARN, finding.status(), finding.seen());
    assertEquals(
        "/tmp/rootless-ctr-runc-1001 belongs to user "
            + nobody
            + " (uid 65534), mode 0777: another"
            + " user created it; rootless-ctr uses /home/learner/.local/state/rootless-ctr/runc"
            + " instead.",
        finding.seen());
    assertFalse(
        finding.seen().contains("as root") || finding.seen().contains("sudo"),
        "nobody ran anything as root: " + finding.seen());
    assertFalse(finding.fix().contains("sudo"), finding.fix());
    Finding runtime = host.run(new RuntimeDirCheck());
    assertTrue(
        runtime.why().endsWith("/home/learner/.local/state/rootless-ctr/runc."), runtime.why());
  }

  @Test
  void aSymlinkInPlaceOfTheStateDirIsNotUsed() throws Exception {
    FakeHost host = FakeHost.healthy(tree).dir("/tmp/elsewhere", "rwxrwxrwx");
    host.env.remove("XDG_RUNTIME_DIR");
    Files.createSymbolicLink(
        host.path("/tmp/rootless-ctr-runc-" + host.learnerUid), host.path("/tmp/elsewhere"));
    Path chosen = RuncStateDir.forHost(host.view());
    assertEquals(Path.of("/home/learner/.local/state/rootless-ctr/runc"), chosen);
    Finding finding = host.run(new RuncStateDirCheck(chosen));
    assertEquals(Status.WARN, finding.status());
    assertTrue(
        finding
            .seen()
            .startsWith("/tmp/rootless-ctr-runc-" + host.learnerUid + " is a symbolic link"),
        finding.seen());
  }

  @Test
  void aStateDirUnderSomeoneElsesDirectoryCannotBeCreated() {
    FakeHost host = FakeHost.healthy(tree).dir("/run", "rwxr-xr-x");
    assumeFalse(host.learnerOwnsTreeFiles(), "needs a directory that belongs to someone else");
    Finding finding = host.run(new RuncStateDirCheck(Path.of("/run/runc")));
    assertEquals(Status.FAIL, finding.status());
    assertEquals(
        "/run/runc does not exist and you cannot create it: /run is not writable for you",
        finding.seen());
  }

  @Test
  void aWorldWritableStickyParentLikeTmpIsFine() throws Exception {
    FakeHost host = FakeHost.healthy(tree).dir("/tmp", "rwxrwxrwx");
    Files.setAttribute(host.path("/tmp"), "unix:mode", 01777);
    Finding finding = host.run(new RuncStateDirCheck(Path.of("/tmp/rootless-ctr-runc-1001")));
    assertEquals(Status.PASS, finding.status());
  }
}
