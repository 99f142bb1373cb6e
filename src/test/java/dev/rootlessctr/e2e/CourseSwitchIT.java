package dev.rootlessctr.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Switching course for real, as the unprivileged test user: the shell opens the deeper course from
 * the playground, does three real steps there (a pull through the offline mirror, two edits, a
 * {@code runc create}), goes back, and the container it made is deleted at the switch, as
 * announced, while the progress of both courses stays, in that sitting and in the next one.
 */
class CourseSwitchIT {

  private static final String LIST = "runc --root \"$RUNC_ROOT\" list -q";

  @Test
  void theOtherCourseRunsARealStepAndBothKeepTheirProgress() throws Exception {
    ScriptedCourse.Learner learner = ScriptedCourse.newLearner();
    try {
      ScriptedCourse.Run first =
          learner.type(
              ":courses",
              ":open deeper/lifecycle",
              ":run",
              ":next",
              ":run",
              ":next",
              ":run",
              LIST,
              ":open rootless",
              LIST,
              ":lessons",
              ":open deeper",
              ":lessons",
              ":quit");
      String out = first.output();
      assertFalse(out.contains("Exception"), out);

      String courses = first.after(":courses");
      assertTrue(courses.matches("(?s).*\n> rootless .*\\(open\\)\n.*"), courses);
      assertTrue(courses.matches("(?s).*\n  deeper +Beyond the playground .*"), courses);

      assertTrue(first.after(LIST, 1).contains("bg"), "runc create made bg:\n" + out);
      String leaving = ScriptedCourse.flatten(first.after(":open rootless"));
      assertTrue(
          leaving.contains("the containers this shell started are deleted first, as at :quit: bg."),
          leaving);
      assertTrue(leaving.contains("deleted container bg"), leaving);
      assertFalse(first.after(LIST, 2).contains("bg"), "gone after the switch:\n" + out);
      assertTrue(first.after(":lessons", 1).contains("1. pull"), out);

      String back = first.after(":open deeper");
      assertTrue(back.contains("Step 4/"), "the first step not done:\n" + back);
      assertTrue(
          first.after(":lessons", 2).matches("(?s).*>  1\\. lifecycle .* 3/\\d+\n.*"),
          "three steps of lesson 1 stay done:\n" + out);

      ScriptedCourse.Run second = learner.type(":courses", ":quit");
      String listed = second.after(":courses");
      assertTrue(listed.matches("(?s).*\n  deeper .* 3/\\d+ steps done\n.*"), listed);
      assertTrue(listed.matches("(?s).*\n> rootless .* 0/\\d+ steps done .*"), listed);
    } finally {
      learner.deleteContainer("bg");
      learner.remove();
    }
  }
}
