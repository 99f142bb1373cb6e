package dev.rootlessctr.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ScriptedShellTest {

  @TempDir Path root;

  /**
   * An ls that fails as it would on a directory the learner may not read (the tests may run as
   * root).
   */
  private static final String FAKE_LS =
      "ls() { echo 'ls: cannot open directory /x: Permission denied' >&2; return 2; }; ";

  private ShellHarness shell() throws Exception {
    return new ShellHarness(root, TestPaths.fixtureCourse());
  }

  @Test
  void aPassingScriptExitsZeroAndExplainsWithMeasuredValues() throws Exception {
    ShellHarness shell = shell();
    int status = shell.run("mkdir -p notes\n:check\n");
    String out = shell.output();
    assertEquals(0, status, out);
    assertTrue(out.contains("PASS Step 1 done: Make a directory"), out);
    assertTrue(out.contains("The directory exists now in " + shell.lab + "."), out);
    assertTrue(
        out.contains("(uid " + new com.sun.security.auth.module.UnixSystem().getUid() + ")"), out);
    assertTrue(Files.isDirectory(shell.lab.resolve("notes")));
  }

  @Test
  void aFailedCheckSaysWhatWasExpectedAndSeenAndExitsOne() throws Exception {
    ShellHarness shell = shell();
    int status = shell.run(":check\n");
    String out = shell.output();
    assertEquals(1, status, out);
    assertTrue(
        out.contains(
            "FAIL directory notes exists\n"
                + "    expected: a directory at notes\n"
                + "    actual:   notes does not exist"),
        out);
    assertTrue(
        out.contains(
            "FAIL exit status 0\n"
                + "    expected: exit status 0\n"
                + "    actual:   no command has run in this step yet"),
        out);
  }

  @Test
  void aLineThatLeavesAProcessRunningEndsWithItsShell() throws Exception {
    // runc create or run -d leave a process that keeps the output pipe open, as this sleep does.
    ShellHarness shell = shell();
    long start = System.nanoTime();
    shell.run("sleep 8 & echo started\necho next-line\n");
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    String out = shell.output();
    assertTrue(out.contains("started") && out.contains("next-line"), out);
    assertTrue(seconds < 5, "the script waited " + seconds + " s for the background process");
  }

  @Test
  void openGoesToTheStepNamedAfterTheLesson() throws Exception {
    ShellHarness shell = shell();
    shell.run(":open files 3\n:open 1 9\n:status\n");
    String out = shell.output();
    assertTrue(out.contains("Step 3/3: A command that must fail"), out);
    assertTrue(out.contains("lesson 1 has steps 1 to 3, not '9'."), out);
    assertTrue(out.contains("You are at lesson 1 (Files and exit codes), step 3"), out);
  }

  @Test
  void cdAndExportPersistBetweenLines() throws Exception {
    ShellHarness shell = shell();
    shell.run("mkdir -p a/b\ncd a/b\nexport GREETING='hi there'\necho \"[$GREETING] $(pwd)\"\n");
    assertTrue(shell.output().contains("[hi there] " + shell.lab.resolve("a/b")), shell.output());
  }

  @Test
  void expectedFailuresPassAndKnownMistakesAreExplained() throws Exception {
    ShellHarness shell = shell();
    int status = shell.run(":open 1\n:next\n:next\nls /does-not-exist\n:check\n");
    String out = shell.output();
    assertEquals(0, status, out);
    assertTrue(out.contains("PASS Step 3 done: A command that must fail"), out);
    assertTrue(out.contains("It failed, as expected, with exit status 2."), out);
  }

  @Test
  void exitAtThePromptSaysWhereTheLearnerIsAndRunsNothing() throws Exception {
    ShellHarness shell = shell();
    int status = shell.run(":open files\nexit\necho after-exit-$((2+3))\n:check\n");
    String out = shell.output();
    assertTrue(out.contains("'exit' here would end nothing: this is the rootless-ctr prompt"), out);
    assertTrue(out.contains("after-exit-5"), "the shell went on:\n" + out);
    assertFalse(
        out.contains("Step 1 done"), "exit did not run, so it did not pass the step:\n" + out);
    assertEquals(1, status, out);
  }

  @Test
  void aMistakeKnownToAnEarlierLessonIsExplainedInALaterOne() throws Exception {
    ShellHarness shell = shell();
    shell.run(":open 2\n" + FAKE_LS + "ls /does-not-exist\n");
    String out = shell.output();
    assertTrue(
        out.contains("That is a known mistake (lesson 1, step 3, which this command belongs to)"),
        out);
    assertTrue(out.contains("you listed something you may not read"), out);
  }

  @Test
  void aKnownMistakeIsExplainedEvenAfterTheStepIsDone() throws Exception {
    ShellHarness shell = shell();
    shell.run(":open 1\nmkdir -p notes\n" + FAKE_LS + "ls /does-not-exist\n");
    String out = shell.output();
    assertTrue(out.contains("Step 1 done"), out);
    assertTrue(out.contains("you listed something you may not read"), out);
  }

  @Test
  void runOnAnEditOnlyStepSaysWhatIsStillMissing() throws Exception {
    java.nio.file.Path course = java.nio.file.Files.createDirectories(root.resolve("edit-course"));
    java.nio.file.Files.writeString(
        course.resolve("01-edit.md"),
        String.join(
            "\n",
            "# Edit",
            "",
            "## Add a mount",
            "",
            "```json add cfg.json /mounts/-",
            "{\"x\": 1}",
            "```",
            "",
            "### Check",
            "",
            "- json: `cfg.json` at `/mounts/0/x` is `2`",
            ""));
    ShellHarness shell = new ShellHarness(root, course);
    java.nio.file.Files.writeString(shell.lab.resolve("cfg.json"), "{\"mounts\": []}");
    shell.run(":run\n");
    String out = shell.output();
    assertTrue(out.contains("Edited cfg.json"), out);
    assertTrue(out.contains("Not done yet: cfg.json /mounts/0/x is 2"), out);
  }

  @Test
  void anotherLessonsMistakeIsNotExplainedWhereItsTextIsTheExpectedOutcome() throws Exception {
    ShellHarness shell = shell();
    // Step 3 of lesson 1 expects "No such file or directory"; lesson 2 calls it a mistake.
    shell.run(":open 1\n:next\n:next\necho 'ls: x: No such file or directory'\n");
    String out = shell.output();
    assertFalse(out.contains("a path in the command is wrong"), out);
    // The same text from a line that is no step's command is not explained with a guess.
    ShellHarness elsewhere = shell();
    elsewhere.run(":open 1\necho 'cat: x: No such file or directory'; false\n");
    String honest = elsewhere.output();
    assertFalse(honest.contains("a path in the command is wrong"), honest);
    assertTrue(honest.contains("false exited with status 1"), honest);
    assertTrue(
        honest.contains(
            "false is not one of this course's commands, so rootless-ctr cannot judge what went"
                + " wrong."),
        honest);
  }

  @Test
  void anUnreadOptionalStepDoesNotHoldALessonBackFromDone() throws Exception {
    ShellHarness shell = shell();
    // A sleep that ends as Ctrl-C would leave it: the step's own command, without a terminal.
    shell.run(
        ":open 2\n"
            + "read name <<< Ada && echo \"hello $name\"\n"
            + ":next\n"
            + "sleep() { return 130; }; sleep 30\n"
            + ":lessons\n"
            + ":status\n");
    String out = shell.output();
    assertTrue(out.matches("(?s).*2\\. interactive +Interactive programs +done\n.*"), out);
    assertTrue(out.contains("Course fixture: 2 of 5 steps done"), out);
  }

  @Test
  void aKnownMistakeInTheOutputIsExplained() throws Exception {
    ShellHarness shell = shell();
    shell.run(":open files\n:next\n:next\n" + FAKE_LS + "ls /does-not-exist\n");
    String out = shell.output();
    assertTrue(out.contains("WARN That is a known mistake: \"Permission denied\""), out);
    assertTrue(out.contains("you listed something you may not read"), out);
    assertFalse(
        out.contains("see what follows on the same line"),
        "one error line, one explanation: the first listed\n" + out);
  }

  @Test
  void progressSurvivesARestartAndTheShellResumesWhereItWas() throws Exception {
    ShellHarness first = shell();
    first.run("mkdir -p notes\n:next\n");
    ShellHarness second = shell();
    second.run(":status\n");
    String out = second.output();
    assertTrue(out.contains("Course fixture: 1 of 5 steps done"), out);
    assertTrue(
        out.contains("You are at lesson 1 (Files and exit codes), step 2 (Write JSON)."), out);
  }

  @Test
  void runShowsTheCommandThenRunsItAndHintsComeOneAtATime() throws Exception {
    ShellHarness shell = shell();
    shell.run(":hint\n:hint\n:hint\n:run\n");
    String out = shell.output();
    assertTrue(out.contains("Hint 1/2:\nThe command is `mkdir`."), out);
    assertTrue(out.contains("Hint 2/2:\nUse `mkdir -p notes` so it works twice."), out);
    assertTrue(out.contains("No more hints. The step's command is:\n    mkdir -p notes"), out);
    assertTrue(out.contains("$ mkdir -p notes\n\nPASS Step 1 done"), out);
  }

  @Test
  void resetLessonNeedsConfirmationAndRemovesWhatTheLessonCreated() throws Exception {
    ShellHarness shell = shell();
    shell.run("mkdir -p notes\n:reset lesson\n");
    assertTrue(
        shell
            .output()
            .contains("(Not confirmed: a scripted session must write :reset SCOPE --yes.)"));
    assertTrue(Files.isDirectory(shell.lab.resolve("notes")));

    ShellHarness again = shell();
    again.run(":reset lesson --yes\n:status\n");
    String out = again.output();
    assertTrue(out.contains("  - remove " + shell.lab.resolve("notes")), out);
    assertFalse(Files.exists(shell.lab.resolve("notes")));
    assertTrue(out.contains("Course fixture: 0 of 5 steps done"), out);
  }

  @Test
  void unknownCommandsAndLessonsAreNamed() throws Exception {
    ShellHarness shell = shell();
    shell.run(":frobnicate\n:open 9\n");
    String out = shell.output();
    assertTrue(out.contains("FAIL unknown command :frobnicate (:help lists them)"), out);
    assertTrue(out.contains("FAIL no lesson '9'. :lessons lists them."), out);
  }
}
