package dev.rootlessctr.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.lesson.Prose;
import dev.rootlessctr.render.Style;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Under a POSIX locale (ASCII terminal) the shell says the same things without '?' in them. */
class PrinterGlyphsTest {

  private static String print(Style style) {
    StringWriter text = new StringWriter();
    Printer printer = new Printer(new PrintWriter(text), style, () -> 80);
    printer.markdown(
        Prose.parse("> quoted\n\n- container uid 0 → host uid 1001 — that is **you**"), Map.of());
    printer.success("Step 1 done");
    printer.text("report ✔\n");
    return text.toString();
  }

  @Test
  void asciiTerminalGetsStandIns() {
    assertFalse(print(Style.of(true, false)).chars().anyMatch(c -> c >= 0x80));
    String shown = print(Style.of(false, false));
    assertFalse(shown.chars().anyMatch(c -> c >= 0x80), shown);
    assertTrue(shown.contains("container uid 0 -> host uid 1001 -- that is"), shown);
    assertTrue(shown.contains("| quoted"), shown);
    assertTrue(shown.contains("PASS Step 1 done"), shown);
    assertTrue(shown.contains("report ok"), shown);
  }

  @Test
  void unicodeTerminalKeepsTheText() {
    String shown = print(Style.of(true, true));
    assertTrue(shown.contains("→ host uid 1001 — that is"), shown);
    assertTrue(shown.contains("✔ "), shown);
    assertEquals(-1, shown.indexOf("->"), shown);
  }

  @Test
  void aParagraphAndAFixAreWrappedAtSpacesToTheWidth() {
    StringWriter text = new StringWriter();
    Printer printer = new Printer(new PrintWriter(text), Style.of(false, false), () -> 40);
    printer.paragraph("Opening course deeper. Your progress in rootless is saved, your lab stays.");
    printer.labelled(
        "    fix: ", "Switch to cgroup v2 and reboot the machine afterwards:\n  sudo x");
    for (String line : text.toString().split("\n")) {
      assertTrue(line.length() <= 40, "wider than 40: " + line);
    }
    assertTrue(
        text.toString().contains("\n    fix: Switch to cgroup v2 and reboot\n"), text.toString());
    assertTrue(text.toString().endsWith("\n           sudo x\n"), text.toString());
  }

  @Test
  void codeInAnExplanationNamesWhatTheLearnerMade() {
    StringWriter text = new StringWriter();
    Printer printer = new Printer(new PrintWriter(text), Style.of(false, false), () -> 80);
    printer.markdown(
        Prose.parse("Open `busybox-bundle/config.json`: busybox-bundle is a folder."),
        Map.of(),
        words -> words.replace("busybox-bundle", "alpine-bundle"));
    assertEquals(
        "Open `alpine-bundle/config.json`: busybox-bundle is a folder.\n", text.toString());
  }
}
