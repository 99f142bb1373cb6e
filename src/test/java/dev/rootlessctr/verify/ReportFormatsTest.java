package dev.rootlessctr.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three report forms of one run: plain lines, TAP 13 and JUnit XML, valid to their readers. */
class ReportFormatsTest {

  private static final List<StepResult> RUN =
      List.of(
          new StepResult(
              1,
              "pull",
              1,
              "Copy busybox",
              StepResult.Verdict.PASSED,
              Duration.ofMillis(120),
              List.of(),
              "ok\n"),
          new StepResult(
              2,
              "pull",
              2,
              "Optional: alpine #2",
              StepResult.Verdict.SKIPPED,
              Duration.ZERO,
              List.of("a reading step"),
              ""),
          new StepResult(
              3,
              "run",
              1,
              "Start a shell",
              StepResult.Verdict.FAILED,
              Duration.ofMillis(2500),
              List.of("output contains: expected \"LOOPBACK\", saw <nothing> & \"quotes\""),
              "/ # ip a\r\n\u0007bell and \u001b[1mescape\u001b[0m\n"));

  @Test
  void plainLinesNameEveryStepWithItsTimeAndEndWithTheSummary() {
    String text = print(false);
    List<String> lines = text.lines().toList();
    assertEquals("ok 1 - pull/1 Copy busybox (0.12 s)", lines.get(0));
    assertTrue(
        lines.get(1).startsWith("ok 2 - pull/2 Optional: alpine \\#2 # SKIP a reading step"),
        lines.get(1));
    assertEquals("not ok 3 - run/1 Start a shell (2.50 s)", lines.get(2));
    assertEquals("1 passed, 1 failed, 1 skipped", lines.get(lines.size() - 1));
  }

  @Test
  void tapIsVersion13WithAPlanDirectivesAndYamlForFailures() {
    TapStream tap = TapStream.parse(print(true));
    assertEquals(3, tap.planned());
    assertTrue(tap.points().get(0).ok());
    assertTrue(tap.points().get(1).directive().startsWith("SKIP"), tap.points().get(1).toString());
    assertFalse(tap.points().get(2).ok());
    assertTrue(
        tap.points()
            .get(2)
            .yaml()
            .get(0)
            .startsWith("message: \"output contains: expected \\\"LOOPBACK\\\""),
        tap.points().get(2).yaml().toString());
  }

  @Test
  void junitXmlValidatesAgainstTheSchemaEvenWithControlCharactersInTheOutput(@TempDir Path dir)
      throws Exception {
    Path xml = dir.resolve("reports/verify.xml");
    JunitReport.write(
        xml,
        "rootless",
        RUN,
        List.of("User namespaces: disabled"),
        LocalDateTime.of(2026, 12, 1, 14, 0, 5, 123),
        "host");
    JunitSchema.validate(xml);
    String text = Files.readString(xml);
    assertTrue(text.contains("tests=\"3\""), text);
    assertTrue(text.contains("failures=\"1\""), text);
    assertTrue(text.contains("skipped=\"1\""), text);
    assertTrue(text.contains("timestamp=\"2026-12-01T14:00:05\""), text);
    assertTrue(
        text.contains(
            "<failure message=\"output contains: expected &quot;LOOPBACK&quot;, saw &lt;nothing&gt;"
                + " &amp; &quot;quotes&quot;\" type=\"check\">"),
        text);
    assertTrue(text.contains("value=\"User namespaces: disabled\""), text);
  }

  @Test
  void theSchemaRejectsAReportWithoutItsRequiredParts(@TempDir Path dir) throws Exception {
    Path xml = dir.resolve("bad.xml");
    Files.writeString(
        xml,
        "<testsuites><testsuite name=\"x\" tests=\"1\"><testcase"
            + " name=\"a\"/></testsuite></testsuites>");
    org.junit.jupiter.api.Assertions.assertThrows(
        org.xml.sax.SAXException.class, () -> JunitSchema.validate(xml));
  }

  private static String print(boolean tap) {
    StringWriter text = new StringWriter();
    StepLines lines = new StepLines(new PrintWriter(text), tap);
    lines.start(RUN.size());
    RUN.forEach(lines::step);
    lines.summary(Tally.of(RUN), List.of());
    return text.toString();
  }
}
