package dev.rootlessctr.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.TestPaths;
import dev.rootlessctr.doctor.FakeHost;
import dev.rootlessctr.probe.Probes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deeper course's limits lesson on the doctor's fake host tree: a host with cgroup v2 delegated
 * to the learner opens its limit steps, a cgroup v1 host skips them with the doctor's finding and
 * the lesson's own words. Its first step runs on this machine, whatever it mounts.
 */
@Timeout(60)
class LimitsLessonGateTest {

  @TempDir Path root;

  private ShellHarness shellOn(FakeHost host) throws Exception {
    Path course = Files.createDirectories(root.resolve("course"));
    Files.copy(
        TestPaths.project().resolve("lessons/deeper/06-limits.md"), course.resolve("06-limits.md"));
    ShellHarness shell = new ShellHarness(root, course);
    shell.probes = Probes.standard();
    shell.hooks =
        new HostHooks(
            host.inputs().withSmokeRuns(false), shell.course, false, false, Map.of(), List.of());
    return shell;
  }

  @Test
  void onCgroupV1TheLimitStepsAreSkippedWithTheFindingAndTheLessonsWords() throws Exception {
    FakeHost host =
        FakeHost.healthy(Files.createDirectories(root.resolve("host")))
            .remove("/sys/fs/cgroup/cgroup.controllers");
    ShellHarness shell = shellOn(host);
    shell.run(":run\n:next\n");
    String out = shell.output();
    assertTrue(out.contains("PASS Step 1 done: Where your processes live"), out);
    assertTrue(out.contains("Step 2/3: Hold a container to 8 processes and 64 MiB"), out);
    assertTrue(out.contains("This step cannot run on this machine"), out);
    assertTrue(
        out.contains(
            "Control groups: cgroup v1 (no /sys/fs/cgroup/cgroup.controllers): an unprivileged"
                + " user"),
        out);
    assertTrue(out.contains("systemd.unified_cgroup_hierarchy=1"), out);
    assertTrue(out.contains("Rootless limits need two things from the host"), out);
    assertTrue(
        out.contains("This step cannot run on this machine either, for the same reason as step 2."),
        out);
    assertEquals(1, out.split("fix: ", -1).length - 1, "the finding's fix is shown once: " + out);
    assertTrue(out.contains("skipped: lesson 1, step 2"), out);
    assertTrue(out.contains("skipped: lesson 1, step 3"), out);
    assertTrue(out.contains("every step is done, except what this machine cannot do"), out);
    assertFalse(out.contains("done in an earlier sitting"), "skipped is not done: " + out);
    assertFalse(
        Files.exists(root.resolve("lab/deep-bundle")), "nothing of a skipped step was made");
  }

  @Test
  void backToASkippedStepShowsItWithoutBouncingForward() throws Exception {
    FakeHost host =
        FakeHost.healthy(Files.createDirectories(root.resolve("host")))
            .remove("/sys/fs/cgroup/cgroup.controllers");
    ShellHarness shell = shellOn(host);
    shell.run(":run\n:next\n:back\n");
    String out = shell.output();
    String afterBack = out.substring(out.indexOf("$ :back"));
    assertTrue(afterBack.contains("Step 2/3: Hold a container"), out);
    assertTrue(afterBack.contains("You can still try it"), out);
    assertFalse(afterBack.contains("Step 3/3"), out);
  }

  @Test
  void onADelegatedCgroupV2TheLimitStepIsOpen() throws Exception {
    ShellHarness shell = shellOn(FakeHost.healthy(Files.createDirectories(root.resolve("host"))));
    shell.run(":run\n:next\n");
    String out = shell.output();
    assertTrue(out.contains("PASS Step 1 done: Where your processes live"), out);
    assertTrue(out.contains("Step 2/3: Hold a container to 8 processes and 64 MiB"), out);
    assertTrue(out.contains("Limits go under `/linux/resources`"), out);
    assertFalse(out.contains("cannot run on this machine"), out);
    assertFalse(out.contains("Rootless limits need two things"), out);
    assertFalse(out.contains("skipped:"), out);
  }
}
