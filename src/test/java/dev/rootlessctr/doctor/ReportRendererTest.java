package dev.rootlessctr.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReportRendererTest {

  // An SGR sequence that sets foreground red (31) or yellow (33), possibly with bold.
  private static final String RED = "\u001b\\[(?:[0-9]+;)*31(?:;[0-9]+)*m";
  private static final String YELLOW = "\u001b\\[(?:[0-9]+;)*33(?:;[0-9]+)*m";

  @Test
  void plainTableMatchesTheGoldenText() throws IOException {
    String text =
        new ReportRenderer(ReportRenderer.Mode.PLAIN, 72, ReportFixtures::lessons)
            .toText(ReportFixtures.sample());
    assertEquals(golden("plain-report.txt"), text);
  }

  @Test
  void plainTextHasNoEscapesAndRespectsTheWidthExceptForCommands() {
    String text =
        new ReportRenderer(ReportRenderer.Mode.PLAIN, 50, ReportFixtures::lessons)
            .toText(ReportFixtures.sample());
    assertFalse(text.contains("\u001b"));
    for (String line : text.split("\n")) {
      assertTrue(
          line.length() <= 50 || line.startsWith("         ") || line.startsWith("  sudo"),
          "too wide: " + line);
    }
  }

  @Test
  void colourModeUsesSymbolsAndColours() {
    String text =
        new ReportRenderer(ReportRenderer.Mode.COLOUR, 72, ReportFixtures::lessons)
            .toText(ReportFixtures.sample());
    assertTrue(text.contains("✔"), text);
    assertTrue(text.contains("!"), text);
    assertTrue(text.contains("✘"), text);
    assertTrue(text.contains("\u001b["), "ANSI escapes expected");
    assertFalse(text.contains(" ok "), text);
  }

  @Test
  void failuresAndWarningsAreRedAndYellowInColourModeTitlesToo() {
    String text =
        new ReportRenderer(ReportRenderer.Mode.COLOUR, 72, ReportFixtures::lessons)
            .toText(ReportFixtures.sample());
    Finding failed = firstWith(Status.FAIL);
    Finding warned = firstWith(Status.WARN);
    assertTrue(Pattern.compile(RED + "✘").matcher(text).find(), text);
    assertTrue(Pattern.compile(RED + Pattern.quote(failed.title())).matcher(text).find(), text);
    assertTrue(Pattern.compile(YELLOW + Pattern.quote(warned.title())).matcher(text).find(), text);
  }

  @Test
  void aColourTerminalWithoutUnicodeGetsColouredWords() {
    String text =
        new ReportRenderer(ReportRenderer.Mode.COLOUR_ASCII, 72, ReportFixtures::lessons)
            .toText(ReportFixtures.sample());
    assertTrue(Pattern.compile(RED + "FAIL").matcher(text).find(), text);
    assertTrue(Pattern.compile(YELLOW + "warn").matcher(text).find(), text);
    assertFalse(text.contains("✘") || text.contains("✔"), text);
    assertEquals(ReportRenderer.Mode.COLOUR_ASCII, ReportRenderer.Mode.of(true, false));
    assertEquals(ReportRenderer.Mode.PLAIN, ReportRenderer.Mode.of(false, true));
  }

  private static Finding firstWith(Status status) {
    return ReportFixtures.sample().findings().stream()
        .filter(f -> f.status() == status)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void briefFoldsPassingFindingsAndKeepsEveryOtherFix() {
    DoctorReport report = ReportFixtures.sample();
    String full =
        new ReportRenderer(ReportRenderer.Mode.PLAIN, 72, ReportFixtures::lessons).toText(report);
    String brief =
        new ReportRenderer(ReportRenderer.Mode.PLAIN, 72, ReportFixtures::lessons)
            .toText(report, true);
    long passed = report.findings().stream().filter(f -> f.status() == Status.PASS).count();
    assertTrue(brief.contains(passed + " checks passed: "), brief);
    for (Finding finding : report.findings()) {
      assertTrue(
          brief.replaceAll("\\s+", " ").contains(finding.title()),
          "names " + finding.title() + ":\n" + brief);
      if (finding.status() != Status.PASS && !finding.fix().isEmpty()) {
        String firstWords = finding.fix().split("\\s+")[0] + " " + finding.fix().split("\\s+")[1];
        assertTrue(
            brief.contains("fix: " + firstWords), "fix of " + finding.title() + ":\n" + brief);
      }
    }
    assertFalse(brief.contains("why:"), brief);
    assertTrue(brief.lines().count() < full.lines().count(), "brief is shorter");
  }

  @Test
  void affectedLessonsComeFromTheLessonIndex() {
    String text =
        new ReportRenderer(ReportRenderer.Mode.PLAIN, 100, tag -> java.util.List.of())
            .toText(ReportFixtures.sample());
    assertFalse(text.contains("affects:"), "no lessons, no affects line");
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = ReportRendererTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing golden file " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
