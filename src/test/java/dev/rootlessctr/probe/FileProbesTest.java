package dev.rootlessctr.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rootfs, file-owner and host-user on files in a temporary lab. */
class FileProbesTest {

  @TempDir Path temp;
  ProbeLab lab;
  long testUid;

  @BeforeEach
  void setUp() throws IOException {
    lab = new ProbeLab(temp);
    testUid = Integer.toUnsignedLong((Integer) Files.getAttribute(lab.lab, "unix:uid"));
  }

  /** A busybox-like rootfs: bin/sh -> busybox, an absolute link, etc/passwd. */
  Path busyboxRootfs() throws IOException {
    Path rootfs = Files.createDirectories(lab.lab.resolve("b/rootfs"));
    ProbeLab.write(rootfs.resolve("bin/busybox"), "ELF");
    Files.createSymbolicLink(rootfs.resolve("bin/sh"), Path.of("busybox"));
    // Absolute inside the container, dangling on the host: must still count as present.
    Files.createSymbolicLink(
        rootfs.resolve("bin/ls"), Path.of("/rootless-ctr-absent-on-host/busybox"));
    ProbeLab.write(rootfs.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
    Files.createDirectories(rootfs.resolve("tmp"));
    return rootfs;
  }

  @Test
  void rootfsWithTheDefaultPathsPasses() throws IOException {
    busyboxRootfs();

    ProbeResult result = lab.run(lab.probes().get("rootfs"), "b/rootfs");

    assertTrue(result.passed(), result.actual());
    assertEquals("3", result.values().get("entries"));
    assertEquals("busybox", result.values().get("shell"));
    assertEquals(Long.toString(testUid), result.values().get("ownerUid"));
    assertEquals(lab.accounts.userName(testUid), result.values().get("owner"));
  }

  @Test
  void rootfsNamesTheFirstMissingPathAndWhatIsThere() throws IOException {
    busyboxRootfs();

    ProbeResult result = lab.run(lab.probes().get("rootfs"), "b/rootfs", "/bin/sh", "/etc/group");

    assertFalse(result.passed());
    assertEquals("b/rootfs/etc/group is missing (b/rootfs has: bin, etc, tmp)", result.actual());
  }

  @Test
  void rootfsAcceptsLsInsteadOfBusybox() throws IOException {
    Path rootfs = busyboxRootfs();
    Files.delete(rootfs.resolve("bin/busybox"));

    ProbeResult result = lab.run(lab.probes().get("rootfs"), "b/rootfs");

    assertTrue(result.passed(), result.actual());
  }

  @Test
  void rootfsWithoutAShellSaysWhichAlternativesWereLookedFor() throws IOException {
    Path rootfs = busyboxRootfs();
    Files.delete(rootfs.resolve("bin/busybox"));
    Files.delete(rootfs.resolve("bin/ls"));

    ProbeResult result = lab.run(lab.probes().get("rootfs"), "b/rootfs");

    assertFalse(result.passed());
    assertTrue(
        result.actual().startsWith("b/rootfs/bin/busybox (or bin/ls) is missing"), result.actual());
  }

  @Test
  void anEmptyOrMissingRootfsHasNotBeenUnpacked() throws IOException {
    Probe rootfs = lab.probes().get("rootfs");
    assertEquals(
        "b/rootfs does not exist: the image has not been unpacked there yet",
        lab.run(rootfs, "b/rootfs").actual());
    Files.createDirectories(lab.lab.resolve("b/rootfs"));
    assertEquals(
        "b/rootfs is empty: the image has not been unpacked into it yet",
        lab.run(rootfs, "b/rootfs").actual());
  }

  @Test
  void fileOwnedByTheLearnerPasses() throws IOException {
    Path file = ProbeLab.write(lab.lab.resolve("home/made-inside"), "");
    long owner = testUid;
    if (testUid == 0) {
      // As root, hand the file to an unprivileged uid, as the kernel does for container root.
      owner = ProbeLab.LEARNER_UID;
      Files.setAttribute(file, "unix:uid", (int) owner);
    }
    Probe probe =
        new FileOwnerProbe(LearnerIds.fixed(ProbeLab.learnerWithUid(owner)), lab.accounts);

    ProbeResult result = probe.run(lab.context(), List.of("home/made-inside"));

    assertTrue(result.passed(), result.actual());
    assertEquals(Long.toString(owner), result.values().get("uid"));
    assertEquals("true", result.values().get("isLearner"));
  }

  @Test
  void fileOwnedBySomeoneElseFailsAndSaysWho() throws IOException {
    ProbeLab.write(lab.lab.resolve("made-inside"), "");
    Probe probe = new FileOwnerProbe(LearnerIds.fixed(ProbeLab.learnerWithUid(4321)), lab.accounts);

    ProbeResult result = probe.run(lab.context(), List.of("made-inside"));

    assertFalse(result.passed());
    assertEquals("false", result.values().get("isLearner"));
    assertTrue(
        result.actual().startsWith("made-inside is owned by uid " + testUid), result.actual());
    assertTrue(result.actual().endsWith(", not by you, uid 4321"), result.actual());
  }

  @Test
  void aFileOwnedByRootNeverPassesEvenWhenTheLearnerIsRoot() throws IOException {
    assumeTrue(testUid == 0, "only root can make a file owned by root");
    ProbeLab.write(lab.lab.resolve("made-inside"), "");
    Probe probe = new FileOwnerProbe(LearnerIds.fixed(ProbeLab.learnerWithUid(0)), lab.accounts);

    ProbeResult result = probe.run(lab.context(), List.of("made-inside"));

    assertFalse(result.passed());
    assertEquals("true", result.values().get("isLearner"));
    assertTrue(result.actual().contains("you are root"), result.actual());
  }

  @Test
  void aMissingFileFails() throws IOException {
    ProbeResult result = lab.run(lab.probes().get("file-owner"), "nothing-here");

    assertFalse(result.passed());
    assertTrue(result.actual().startsWith("nothing-here does not exist"), result.actual());
  }

  @Test
  void hostUserComesFromProcSelfStatusAndPasswd() throws IOException {
    ProbeResult result = lab.run(lab.probes().get("host-user"));

    assertTrue(result.passed());
    assertEquals(
        Map.of(
            "uid",
            "1001",
            "user",
            "learner",
            "gid",
            "1001",
            "group",
            "learner",
            "home",
            "/home/learner"),
        result.values());
  }
}
