package dev.rootlessctr.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A lesson that did not load keeps its number, and :open says why it cannot run. */
@Timeout(60)
class BrokenLessonShellTest {

  @TempDir Path root;

  @Test
  void openingABrokenLessonNamesItsErrorAndRunsNothing() throws Exception {
    Path course = Files.createDirectories(root.resolve("course"));
    Files.copy(TestPaths.fixtureCourse().resolve("01-files.md"), course.resolve("01-files.md"));
    Files.writeString(
        course.resolve("02-broken.md"),
        "# Broken\n\n## Step\n\n```sh\ntouch prose-became-a-command\n\nProse.\n");
    Files.copy(
        TestPaths.fixtureCourse().resolve("02-interactive.md"),
        course.resolve("03-interactive.md"));
    ShellHarness shell = new ShellHarness(root, course);

    shell.run(":open 2\n:run\n:open broken\n:open 3\n");

    String out = shell.output().replaceAll("\\s+", " "); // the printer wraps long lines
    String why =
        "FAIL lesson 2 did not load, so it cannot run: "
            + course.resolve("02-broken.md")
            + ":5:1: the code block opened with ``` is never closed";
    assertTrue(out.contains(why), out);
    assertTrue(out.indexOf(why) != out.lastIndexOf(why), "by number and by id: " + out);
    assertTrue(out.contains("Lesson 3: "), "the lessons after it keep their numbers: " + out);
    assertFalse(Files.exists(shell.lab.resolve("prose-became-a-command")), out);
  }
}
