package dev.rootlessctr.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.doctor.FakeHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step with needs of its own (here cgroups) is skipped, from the doctor's finding, where the host
 * lacks them, and the course can still be finished; where the host has them, it runs as any step.
 */
@Timeout(60)
class StepNeedsShellTest {

  private static final String LESSON =
      """
      # Limits

      <!-- cleanup: path notes -->

      ## Make a directory

      ```sh
      mkdir -p notes
      ```

      ### Check

      - directory exists: `notes`

      ## Limit it

      <!-- needs: cgroups -->

      ```sh
      touch notes/limits.txt
      ```

      ### Check

      - file exists: `notes/limits.txt`

      ### If the host cannot

      Rootless limits need cgroup v2 delegated to {{user}}.
      """;

  @TempDir Path root;

  private ShellHarness shellOn(FakeHost host) throws Exception {
    Path course = Files.createDirectories(root.resolve("course"));
    Files.writeString(course.resolve("01-limits.md"), LESSON);
    ShellHarness shell = new ShellHarness(root, course);
    shell.hooks =
        new HostHooks(
            host.inputs().withSmokeRuns(false), shell.course, false, false, Map.of(), List.of());
    return shell;
  }

  @Test
  void onCgroupV1TheStepIsSkippedWithTheFindingAndTheCourseEnds() throws Exception {
    FakeHost host =
        FakeHost.healthy(Files.createDirectories(root.resolve("host")))
            .remove("/sys/fs/cgroup/cgroup.controllers");
    ShellHarness shell = shellOn(host);
    int status = shell.run("mkdir -p notes\n:next\n:lessons\n");
    // Messages are wrapped to the width at spaces; what they say is read with one space between
    // words, wherever a line ended.
    String out = shell.output().replaceAll("\\s+", " ");
    assertEquals(0, status, out);
    assertTrue(out.contains("Step 2/2: Limit it"), out);
    assertTrue(out.contains("This step cannot run on this machine"), out);
    assertTrue(
        out.contains(
            "Control groups: cgroup v1 (no /sys/fs/cgroup/cgroup.controllers): an unprivileged"
                + " user gets no cgroup"),
        out);
    assertTrue(out.contains("fix: Only needed for lessons that set limits."), out);
    assertTrue(
        out.contains(
            "Rootless limits need cgroup v2 delegated to " + System.getProperty("user.name")),
        out);
    assertTrue(out.contains("every step is done, except what this machine cannot do"), out);
    assertTrue(
        out.contains("skipped: lesson 1, step 2 (Limit it): Control groups: cgroup v1"), out);
    assertTrue(out.contains("1/2 (1 skipped: this host cannot)"), out);
    assertFalse(out.contains("This host cannot do the whole course"), out);
    assertFalse(
        Files.exists(shell.lab.resolve("notes/limits.txt")), "the skipped step did not run");
  }

  @Test
  void onADelegatedCgroupV2TheStepIsShownAndRunsAsAnyOther() throws Exception {
    ShellHarness shell = shellOn(FakeHost.healthy(Files.createDirectories(root.resolve("host"))));
    int status = shell.run("mkdir -p notes\n:next\ntouch notes/limits.txt\n");
    String out = shell.output();
    assertEquals(0, status, out);
    assertTrue(out.contains("Step 2/2: Limit it"), out);
    assertFalse(out.contains("cannot run on this machine"), out);
    assertFalse(out.contains("Rootless limits need"), out);
    assertTrue(out.contains("every step is done."), out);
    assertFalse(out.contains("skipped:"), out);
  }

  @Test
  void typingTheSkippedStepsCommandAnywayCreditsIt() throws Exception {
    FakeHost host =
        FakeHost.healthy(Files.createDirectories(root.resolve("host")))
            .remove("/sys/fs/cgroup/cgroup.controllers");
    ShellHarness shell = shellOn(host);
    int status = shell.run("mkdir -p notes\n:open 1 2\ntouch notes/limits.txt\n:status\n");
    String out = shell.output();
    assertEquals(0, status, out);
    assertTrue(out.contains("You can still try it"), out);
    assertTrue(out.contains("Step 2 done: Limit it") || out.contains("PASS"), out);
    assertTrue(out.contains("every step is done."), out);
    assertFalse(out.contains("skipped:"), out);
  }
}
