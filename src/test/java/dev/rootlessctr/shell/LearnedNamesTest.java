package dev.rootlessctr.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The names a line teaches the shell come from the step the learner is doing: a course that runs
 * the same runc command twice with different names (runc's bundle, then umoci's) must not read the
 * second step's check with the first step's names.
 */
@Timeout(60)
class LearnedNamesTest {

  @TempDir Path root;

  private static String lesson(String title, String dir) {
    return "# "
        + title
        + "\n\nMakes "
        + dir
        + ".\n\n<!-- cleanup: path "
        + dir
        + " -->\n\n## Make "
        + dir
        + "\n\n```sh\nmkdir -p "
        + dir
        + "\nrunc spec --rootless -b "
        + dir
        + "\n```\n\n### Check\n\n- exit status: `0`\n- file exists: `"
        + dir
        + "/config.json`\n\n### Explain\n\nThere it is.\n";
  }

  @Test
  void aLaterLessonsCommandOfTheSameShapeKeepsItsOwnNames() throws IOException {
    Path course = Files.createDirectories(root.resolve("course"));
    Files.writeString(course.resolve("01-first.md"), lesson("First", "first-dir"));
    Files.writeString(course.resolve("02-second.md"), lesson("Second", "second-dir"));
    ShellHarness shell = new ShellHarness(root, course);

    int status = shell.run(":run\n:open second\n:check\n");

    String out = shell.output();
    assertTrue(out.contains("PASS Step 1 done: Make first-dir"), out);
    assertEquals(1, status, out);
    assertTrue(out.contains("second-dir/config.json does not exist"), out);
    assertFalse(out.contains("first-dir/config.json exists"), out);
  }

  private Path boxCourse() throws IOException {
    Path course = Files.createDirectories(root.resolve("course"));
    Files.writeString(
        course.resolve("01-dirs.md"),
        "# Dirs\n\n"
            + "Makes a folder.\n\n"
            + "<!-- cleanup: path box -->\n\n"
            + "## Make box\n\n"
            + "```sh\n"
            + "mkdir -p box\n"
            + "```\n\n"
            + "### Check\n\n"
            + "- exit status: `0`\n"
            + "- directory exists: `box`\n\n"
            + "### Explain\n\n"
            + "There it is.\n\n"
            + "## Fill it\n\n"
            + "Put a file in `box/` now.\n\n"
            + "```sh\n"
            + "touch box/file\n"
            + "```\n\n"
            + "### Check\n\n"
            + "- exit status: `0`\n"
            + "- file exists: `box/file`\n\n"
            + "### Explain\n\n"
            + "`box/file` is there.\n");
    return course;
  }

  @Test
  void theNextStepsTextNamesWhatTheLearnerMade() throws IOException {
    ShellHarness shell = new ShellHarness(root, boxCourse());

    shell.run("mkdir -p crate\n:next\n");

    String out = shell.output();
    assertTrue(out.contains("Put a file in `crate/` now."), out);
    assertTrue(out.contains("    touch crate/file"), out);
  }

  @Test
  void typingTheLessonsOwnNameAfterwardsMakesItTheNameAgain() throws IOException {
    ShellHarness shell = new ShellHarness(root, boxCourse());

    shell.run("mkdir -p crate\nmkdir -p box\n:next\n");

    String out = shell.output();
    assertTrue(out.contains("Put a file in `box/` now."), out);
    assertTrue(out.contains("    touch box/file"), out);
  }
}
