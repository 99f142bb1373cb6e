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
 * `runc run -d -b deep-bundle NAME` in lessons 2, 3 and 4); a name of the learner's own given for
 * this step is not their name for those steps, and must not be read into their checks later.
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
        "# Second\n\nIntro.\n\n## Make beta\n\n```sh\nbusybox mkdir -p beta\n"
            + "busybox touch beta/marker\n```\n\n### Check\n\n"
            + "- file exists: `beta/marker`\n\n### Explain\n\nDone.\n");
    ShellHarness shell = new ShellHarness(root, course);

    // The learner's own name for lesson 1's alpha is not their name for lesson 2's beta.
    shell.run(
        "busybox mkdir -p mine\n:open second\nrmdir mine\n"
            + "busybox mkdir -p beta\nbusybox touch beta/marker\n");

    String out = shell.output();
    assertTrue(out.contains("Step 1 done: Make alpha"), out);
    assertFalse(out.contains("Not done yet"), out);
    assertTrue(out.contains("Step 1 done: Make beta"), out);
  }
}
