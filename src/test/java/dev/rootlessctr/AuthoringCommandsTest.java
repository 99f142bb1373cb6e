package dev.rootlessctr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.cli.Environment;
import dev.rootlessctr.process.ProcessRunner;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lint, new-lesson and the scripted shell, driven through Main as the command line would. */
class AuthoringCommandsTest {

  @TempDir Path dir;

  record Run(int status, String out, String err) {}

  private static Run main(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        new Main(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new Environment(
                    System.getenv(), TestPaths.project(), false, ProcessRunner.system()))
            .run(args);
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void newLessonWritesNumberedTemplatesThatLintClean() throws Exception {
    Path course = dir.resolve("mine");
    Run first = main("", "new-lesson", course.toString(), "hello-lab");
    assertEquals(0, first.status(), first.err());
    assertTrue(Files.isRegularFile(course.resolve("01-hello-lab.md")), first.out());
    Files.writeString(
        course.resolve("07-later.md"), Files.readString(course.resolve("01-hello-lab.md")));
    Run second = main("", "new-lesson", course.toString(), "first-container");
    assertEquals(0, second.status(), second.err());
    assertTrue(
        Files.isRegularFile(course.resolve("08-first-container.md")),
        "numbered after the last lesson");
    assertTrue(
        Files.readString(course.resolve("08-first-container.md"))
            .startsWith("# First container\n"));

    Run lint = main("", "lint", course.toString());
    assertEquals(new Run(0, "", ""), lint);
  }

  @Test
  void newLessonNeverOverwritesAndRefusesBadNames() throws Exception {
    assertEquals(0, main("", "new-lesson", dir.toString(), "hello").status());
    String before = Files.readString(dir.resolve("01-hello.md"));
    Run again = main("", "new-lesson", dir.toString(), "hello");
    assertEquals(2, again.status());
    assertTrue(again.err().contains("already has a lesson 'hello'"), again.err());
    assertEquals(before, Files.readString(dir.resolve("01-hello.md")));
    assertEquals(2, main("", "new-lesson", dir.toString(), "../evil").status());
    assertEquals(2, main("", "new-lesson", dir.toString(), "Caps").status());
    assertEquals(2, main("", "new-lesson", dir.toString()).status());
    assertFalse(Files.exists(dir.getParent().resolve("01-evil.md")));
  }

  @Test
  void lintFindsEveryProblemOfACourseAndExitsOne() throws Exception {
    Files.copy(
        TestPaths.resources().resolve("malformed/many-problems.md"), dir.resolve("01-many.md"));
    Files.copy(
        TestPaths.resources().resolve("malformed/unknown-need.md"), dir.resolve("02-need.md"));
    Run lint = main("", "lint", dir.toString());
    assertEquals(1, lint.status());
    assertEquals(7, lint.out().lines().count(), lint.out());
    assertTrue(lint.out().lines().allMatch(l -> l.matches(".+\\.md:\\d+:\\d+: .+")), lint.out());
    assertEquals("rootless-ctr lint: 7 problems\n", lint.err());
  }

  @Test
  void aScriptRefusesABrokenCourseWithExitTwo() throws Exception {
    Files.copy(TestPaths.fixtureCourse().resolve("01-files.md"), dir.resolve("01-files.md"));
    Files.copy(
        TestPaths.resources().resolve("malformed/unterminated-fence.md"),
        dir.resolve("02-fence.md"));
    Run script =
        main(
            ":run\n:check\n",
            "--lessons",
            dir.toString(),
            "--lab",
            dir.resolve("lab").toString(),
            "--allow-root",
            "--color",
            "never");
    assertEquals(2, script.status(), script.out() + script.err());
    assertTrue(
        script
            .err()
            .startsWith(
                dir.resolve("02-fence.md")
                    + ":7:1: the code block opened with ``` is never closed"),
        script.err());
    assertFalse(Files.exists(dir.resolve("lab")), "nothing ran, not even the lab was made");
  }
}
