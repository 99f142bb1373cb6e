package dev.rootlessctr.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ReportCommandTest {

  @TempDir Path root;

  private static List<Path> reports(Path lab, String suffix) throws Exception {
    try (Stream<Path> files = Files.list(lab)) {
      return files
          .filter(
              f ->
                  f.getFileName().toString().startsWith("rootless-ctr-report-")
                      && f.toString().endsWith(suffix))
          .toList();
    }
  }

  @Test
  void theReportQuotesTheLineThatDidEachStepAndItsValuesIntoTheLabOnly() throws Exception {
    ShellHarness shell = new ShellHarness(root, TestPaths.fixtureCourse());
    int status = shell.run("true\nmkdir -p notes\n:report\n");
    String out = shell.output();
    assertEquals(0, status, out);
    List<Path> md = reports(shell.lab, ".md");
    assertEquals(1, md.size(), out);
    assertTrue(out.contains("Report written: " + md.get(0)), out);
    String report = Files.readString(md.get(0));
    assertTrue(report.contains("### Lesson 1, step 1: Make a directory"), report);
    assertTrue(report.contains("- Command: `mkdir -p notes`\n- Exit status: 0\n"), report);
    assertFalse(
        report.contains("`true`"), "a line that did no step's work is not quoted: " + report);
    assertTrue(report.contains("- Done at: "), report);
    assertTrue(
        report.matches("(?s).*- `runc`: (`runc version .*`|not measured \\(.*\\)).*"), report);
    assertTrue(report.contains("1 of them in this session"), report);
    String html = Files.readString(reports(shell.lab, ".html").get(0));
    assertTrue(
        html.startsWith("<!DOCTYPE html>") && html.contains("<code>mkdir -p notes</code>"), html);
    try (Stream<Path> elsewhere = Files.list(root)) {
      assertEquals(
          List.of(), elsewhere.filter(p -> p.getFileName().toString().contains("report")).toList());
    }
  }

  @Test
  void stepsDoneInAnEarlierSittingAreListedWithoutInventedDetails() throws Exception {
    ShellHarness first = new ShellHarness(root, TestPaths.fixtureCourse());
    first.run("mkdir -p notes\n");
    ShellHarness second = new ShellHarness(root, TestPaths.fixtureCourse());
    second.run(":report\n");
    String report = Files.readString(reports(second.lab, ".md").get(0));
    assertTrue(report.contains("## Steps done in this session\n\nNone yet."), report);
    assertTrue(report.contains("## Steps done in an earlier sitting"), report);
    assertTrue(report.contains("- Lesson 1, step 1: Make a directory"), report);
    assertFalse(report.contains("mkdir"), report);
  }

  @Test
  void codeSpansHoldBackticksAndPlainTextEscapesMarkdown() {
    assertEquals("`` echo `id` ``", ReportCommand.code("echo `id`"));
    assertEquals("`a ⏎ b`", ReportCommand.code("a\nb"));
    assertEquals("a\\*b\\* \\<x\\>", ReportCommand.plain("a*b* <x>"));
  }
}
