package dev.rootlessctr.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.host.HostUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab checks, judged for a learner's uid whoever runs the tests. */
class LabDirTest {

  @TempDir Path dir;

  private final long me = HostUser.current().uid();

  /** Somebody who owns none of the test's files: the learner when the test runs as root. */
  private final long learner = me == 0 ? 1001 : me + 1;

  @Test
  void rootsHomeIsNotALearnersLab() {
    String problem = LabDir.problem(Path.of("/root/lab"), learner).orElseThrow();
    assertTrue(
        problem.startsWith(
            "cannot create the lab directory /root/lab: /root belongs to user root (uid 0), mode"
                + " 07"),
        problem);
    assertTrue(
        problem.endsWith(
            "and you cannot create folders in it. Pick a folder of yours with --lab DIR, or leave"
                + " --lab out for the default."),
        problem);
  }

  @Test
  void aLabOfSomeoneElseIsRefused() throws Exception {
    Path lab = Files.createDirectories(dir.resolve("lab"));
    String problem = LabDir.problem(lab, learner).orElseThrow();
    assertTrue(problem.startsWith("the lab " + lab + " belongs to user "), problem);
  }

  @Test
  void anUnwritableLabOfOneselfSaysHowToFixIt() throws Exception {
    Path lab = Files.createDirectories(dir.resolve("lab"));
    Files.setAttribute(lab, "unix:mode", 0555);
    assertEquals(
        Optional.of(
            "the lab "
                + lab
                + " is yours but you cannot write in it (mode 0555); chmod u+rwx "
                + lab
                + " fixes that."),
        LabDir.problem(lab, me));
  }

  @Test
  void aLinkToOnesOwnFolderIsFine() throws Exception {
    Path real = Files.createDirectories(dir.resolve("real"));
    Path link = Files.createSymbolicLink(dir.resolve("lab"), real);
    assertEquals(Optional.empty(), LabDir.problem(link, me));
    assertEquals(link, LabDir.prepare(link, dir.resolve("default"), me));
  }

  @Test
  void anEmptyNameIsAUsageError() {
    LabDir.Problem problem =
        assertThrows(LabDir.Problem.class, () -> LabDir.prepare(Path.of(""), dir, me));
    assertTrue(problem.usage());
  }

  @Test
  void aMissingLabInAFolderOfOnesOwnIsCreated() throws Exception {
    Path lab = dir.resolve("new/lab");
    assertEquals(lab, LabDir.prepare(lab, dir.resolve("default"), me));
    assertTrue(Files.isDirectory(lab));
  }
}
