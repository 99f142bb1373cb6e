package dev.rootlessctr.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.TestPaths;
import dev.rootlessctr.lesson.Prose;
import java.util.List;
import java.util.Map;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class TerminalRendererTest {

  private static final String SAMPLE =
      String.join(
          "\n",
          "# Run the container",
          "",
          "Now *start* it with **runc**: the `config.json` you made says `readonly`, and this"
              + " sentence is long enough to wrap at forty columns.",
          "",
          "```sh",
          "runc --root \"$RUNC_ROOT\" run -b bundle myctr",
          "```",
          "",
          "- first item",
          "- second item with a [link](https://github.com/opencontainers/runc)",
          "",
          "1. one",
          "2. two",
          "",
          "> **Note**",
          "> runc keeps state in /run/runc by default.",
          "",
          "---",
          "");

  private static TerminalRenderer renderer(int width, boolean colour) {
    return TerminalRenderer.builder().width(width).style(Style.of(colour)).build();
  }

  private static List<AttributedString> render(int width, boolean colour, String markdown) {
    return renderer(width, colour).render(Prose.parse(markdown).document(), Map.of());
  }

  private static String plain(String markdown, Map<String, String> values) {
    return renderer(80, false).renderToAnsi(Prose.parse(markdown).document(), values);
  }

  @Test
  void plainRenderingMatchesGoldenFile() throws Exception {
    String actual = renderer(40, false).renderToAnsi(Prose.parse(SAMPLE).document(), Map.of());
    assertEquals(TestPaths.golden("render-plain-40.txt", actual), actual);
    assertFalse(actual.contains("\u001b["), "plain output has no escape sequences");
  }

  @Test
  void colourRenderingMatchesGoldenFileAndStylesTheParts() throws Exception {
    String actual = renderer(40, true).renderToAnsi(Prose.parse(SAMPLE).document(), Map.of());
    assertEquals(TestPaths.golden("render-ansi-40.txt", actual), actual);
    List<AttributedString> lines = render(40, true, SAMPLE);
    assertEquals(Style.of(true).heading(), lines.get(0).styleAt(0), "heading style");
    AttributedString code =
        lines.stream().filter(l -> l.toString().contains("runc --root")).findFirst().orElseThrow();
    assertEquals(
        Style.of(true).code(), code.styleAt(code.toString().indexOf("runc")), "code block style");
  }

  @Test
  void everyLineFitsTheWidth() {
    for (int width : new int[] {20, 33, 40, 80}) {
      for (AttributedString line : render(width, true, SAMPLE)) {
        if (!line.toString().contains("runc --root")) { // code is never wrapped
          assertTrue(line.columnLength() <= width, width + ": '" + line + "'");
        }
      }
    }
  }

  @Test
  void aWordLongerThanTheLineIsBroken() {
    List<AttributedString> lines = render(20, false, "x".repeat(45));
    assertEquals(List.of(20, 20, 5), lines.stream().map(AttributedString::columnLength).toList());
  }

  @Test
  void inlineCodeKeepsBackticksOnlyWithoutColour() {
    assertEquals("use `id` now\n", plain("use `id` now", Map.of()));
    AttributedString coloured = render(40, true, "use `id` now").get(0);
    assertEquals("use id now", coloured.toString());
    assertEquals(AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW), coloured.styleAt(4));
  }

  /**
   * A measured value is text: markdown in it is never read, in prose, inline code or a code block.
   */
  @Test
  void aValueWithMarkdownInItIsShownLiterally() {
    String value = "*not emphasis* `no code` [x](y) {{x}} <b>";
    Map<String, String> values = Map.of("v", value, "x", "WRONG");
    assertEquals("Seen: " + value + ".\n", plain("Seen: {{v}}.", values));
    assertEquals("`" + value + "`\n", plain("`{{v}}`", values));
    assertEquals("    cat " + value + "\n", plain("```sh\ncat {{v}}\n```", values));
    assertEquals(
        "**" + value + "**\n", plain("**{{v}}**", Map.of("v", "**" + value + "**", "x", "WRONG")));
  }

  @Test
  void aValueKeepsTheStyleAroundIt() {
    AttributedString line =
        renderer(80, true)
            .render(Prose.parse("you are **{{user}}**").document(), Map.of("user", "*me*"))
            .get(0);
    assertEquals("you are *me*", line.toString());
    assertEquals(AttributedStyle.BOLD, line.styleAt(8));
  }

  @Test
  void aMissingValueIsSaidPlainlyAndNeverAsBraces() {
    String shown = plain("uid {{uid-map.hostID}}, `{{home}}/x` and\n\n```\n{{lab}}\n```", Map.of());
    assertFalse(shown.contains("{{"), shown);
    assertFalse(shown.contains("}}"), shown);
    assertEquals("uid (not measured), `(not measured)/x` and\n\n    (not measured)\n", shown);
    AttributedString coloured =
        renderer(80, true).render(Prose.parse("uid {{u}}").document(), Map.of()).get(0);
    assertEquals(
        Style.of(true).dim(), coloured.styleAt(4), "dim, so it reads as a gap, not as a value");
  }

  @Test
  void controlCharactersInAValueCannotReachTheTerminal() {
    assertEquals("file a^[[2Jb c\n", plain("file {{v}}", Map.of("v", "a\u001b[2Jb\nc")));
  }

  @Test
  void deepNestingRendersWithoutOverflowingTheStack() {
    for (String marker : new String[] {"> ", "- ", "1. "}) {
      String deep = marker.repeat(20_000) + "deep text";
      List<AttributedString> lines = render(40, false, deep);
      String all = String.join("\n", lines.stream().map(AttributedString::toString).toList());
      assertTrue(all.contains("deep text"), marker + ": the text is still shown");
      assertTrue(
          lines.stream().allMatch(l -> l.columnLength() <= 40),
          marker + ": no line runs off the screen: " + lines);
    }
    // Inline nesting too. commonmark 0.32 nests emphasis 100 deep at most (200 asterisks on
    // each side); the rest of a longer run stays literal text.
    String emphasis = "*".repeat(200) + "x" + "*".repeat(200);
    assertEquals("x\n", plain(emphasis, Map.of()));
    String longer = plain("*".repeat(2_000) + "x" + "*".repeat(2_000), Map.of());
    assertEquals(1, longer.chars().filter(c -> c == 'x').count(), longer);
  }
}
