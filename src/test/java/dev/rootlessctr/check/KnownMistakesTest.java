package dev.rootlessctr.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rootlessctr.TestPaths;
import dev.rootlessctr.lesson.Course;
import dev.rootlessctr.lesson.CourseLoader;
import dev.rootlessctr.lesson.Lesson;
import dev.rootlessctr.lesson.Mistake;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Against the real rootless course: which explanation each real error line gets. */
class KnownMistakesTest {

  private static Optional<String> explained(int lesson, int step, String output) throws Exception {
    Course course = new CourseLoader().load(TestPaths.project().resolve("lessons/rootless"));
    Lesson at = course.lessons().get(lesson - 1);
    return KnownMistakes.in(course, at, at.steps().get(step - 1), output).map(Mistake::pattern);
  }

  @Test
  void oneErrorLineWithTwoPatternsGetsTheMostSpecific() throws Exception {
    String line =
        "level=fatal msg=\"autodetection failed: unable to access path: stat busybox: no such file"
            + " or directory\"";
    assertEquals(Optional.of("stat busybox: no such file or directory"), explained(2, 1, line));
  }

  @Test
  void lesson5MeetsLesson4sRuncErrors() throws Exception {
    assertEquals(
        Optional.of("invalid character"),
        explained(
            5,
            1,
            "runc run failed: invalid character '{' looking for beginning of object key string"));
    assertEquals(
        Optional.of("mkdir /run/runc: permission denied"),
        explained(5, 1, "runc run failed: mkdir /run/runc: permission denied"));
  }

  @Test
  void theExpectedOutcomeOfThisStepIsNotAMistakeHere() throws Exception {
    String erofs = "touch: /tmp/toto: Read-only file system";
    assertEquals(Optional.empty(), explained(5, 1, erofs));
    assertEquals(Optional.of("Read-only file system"), explained(6, 2, erofs));
  }
}
