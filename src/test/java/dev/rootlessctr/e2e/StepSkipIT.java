package dev.rootlessctr.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.e2e.ScriptedCourse.Learner;
import dev.rootlessctr.e2e.ScriptedCourse.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The staged shell, as the unprivileged test user, reaches the deeper course's limit steps: on a
 * host without cgroup v2 it skips them with the doctor's real finding and the lesson's words; where
 * cgroup v2 is mounted, it shows the first of them as any step, or skips it for what the doctor
 * measured there, never for a reason it made up.
 */
@Timeout(180)
class StepSkipIT {

  @Test
  void theLimitStepsAreGatedOnTheDoctorsCgroupFinding() throws Exception {
    Learner learner = ScriptedCourse.newLearner();
    try {
      Run run = learner.typeIn("deeper", true, ":open limits", ":run", ":next");
      String out = run.flat();
      assertEquals(0, run.exit(), run.output());
      assertTrue(out.contains("PASS Step 1 done: Where your processes live"), run.output());
      assertTrue(
          out.contains("Step 2/3: Hold a container to 8 processes and 64 MiB"), run.output());
      if (!Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"))) {
        assertTrue(out.contains("This step cannot run on this machine"), run.output());
        assertTrue(out.contains("Control groups: cgroup v1"), run.output());
        assertTrue(out.contains(": an unprivileged user gets no cgroup"), run.output());
        assertTrue(out.contains("Rootless limits need two things from the host"), run.output());
        assertTrue(out.contains("Step 3/3: Remove it"), run.output());
        assertFalse(Files.exists(learner.lab().resolve("deep-bundle")), run.output());
      } else if (!out.contains("This step cannot run on this machine")) {
        assertTrue(out.contains("Limits go under"), run.output());
      } else {
        assertTrue(out.contains("Control groups: cgroup v2"), run.output());
      }
    } finally {
      learner.remove();
    }
  }
}
