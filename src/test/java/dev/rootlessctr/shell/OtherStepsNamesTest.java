package dev.rootlessctr.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A line done for one step also has the shape of other steps' commands (the deeper course runs
 * `runc exec NAME ...` with bg, net, ids and caps); the names it differs in are not the learner's
 * own names for those steps, and must not be read into their checks later.
 */
@Timeout(60)
class OtherStepsNamesTest {

  @TempDir Path root;

  // busybox APPLET: a program with a subcommand, as runc exec is, so the lines match strongly.
  @Test
  void aLaterLessonIsCheckedWithItsOwnNamesNotAnEarlierLessonsOnes() throws Exception {
    Path course = Files.createDirectories(root.resolve("course"));
    Files.writeString(
        course.resolve("01-first.md"),
        "# First\n\nIntro.\n\n## Make alpha\n\n```sh\nbusybox mkdir -p alpha\n```\n\n### Check\n\n"
            + "- directory exists: `alpha`\n\n### Explain\n\nDone.\n");
    Files.writeString(
        course.resolve("02-second.md"),
        "# Second\n\nIntro.\n\n## Make beta\n\n```sh\nbusybox mkdir -p beta\n```\n\n### Check\n\n"
            + "- directory exists: `beta`\n- path missing: `alpha`\n\n### Explain\n\nDone.\n");
    ShellHarness shell = new ShellHarness(root, course);

    shell.run("busybox mkdir -p alpha\n:open second\nrmdir alpha\nbusybox mkdir -p beta\n");

    String out = shell.output();
    assertTrue(out.contains("Step 1 done: Make alpha"), out);
    assertFalse(out.contains("Not done yet"), out);
    assertTrue(out.contains("Step 1 done: Make beta"), out);
  }

  @Test
  void theNextCommandFollowsTheOneTheLineEqualsNotALaterOneOfTheSameShape() throws Exception {
    Path course = Files.createDirectories(root.resolve("course"));
    Files.writeString(
        course.resolve("01-files.md"),
        "# Files\n\nIntro.\n\n## Two files\n\n```sh\nbusybox mkdir -p gamma\n"
            + "busybox touch gamma/a\nbusybox touch gamma/b\nbusybox ls gamma\n```\n\n"
            + "### Check\n\n- file exists: `gamma/b`\n\n### Explain\n\nDone.\n");
    ShellHarness shell = new ShellHarness(root, course);

    shell.run("busybox mkdir -p gamma\nbusybox touch gamma/a\n");

    String out = shell.output();
    assertTrue(out.contains("Next in this step: busybox touch gamma/b"), out);
  }
}
