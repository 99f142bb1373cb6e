package dev.rootlessctr.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.TestPaths;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

  private static final String SAMPLE =
      String.join(
          "\n",
          "# Run the container",
          "",
          "Now *start* it with **runc**: the `config.json` you made says `readonly`, and this sentence is long enough to wrap at forty columns.",
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

  @Test
  void plainRenderingMatchesGoldenFile() throws Exception {
    String actual = new MarkdownRenderer(40, Style.of(false)).renderToAnsi(SAMPLE);
    assertEquals(TestPaths.golden("render-plain-40.txt", actual), actual);
    assertFalse(actual.contains("\u001b["), "plain output has no escape sequences");
  }

  @Test
  void colourRenderingMatchesGoldenFileAndStylesTheParts() throws Exception {
    MarkdownRenderer renderer = new MarkdownRenderer(40, Style.of(true));
    String actual = renderer.renderToAnsi(SAMPLE);
    assertEquals(TestPaths.golden("render-ansi-40.txt", actual), actual);
    List<AttributedString> lines = renderer.render(SAMPLE);
    assertEquals(Style.of(true).heading(), lines.get(0).styleAt(0), "heading style");
    AttributedString code = lines.stream().filter(l -> l.toString().contains("runc --root")).findFirst().orElseThrow();
    assertEquals(Style.of(true).code(), code.styleAt(code.toString().indexOf("runc")), "code block style");
  }

  @Test
  void everyLineFitsTheWidth() {
    for (int width : new int[] {20, 33, 40, 80}) {
      for (AttributedString line : new MarkdownRenderer(width, Style.of(true)).render(SAMPLE)) {
        if (!line.toString().contains("runc --root")) { // code is never wrapped
          assertTrue(line.columnLength() <= width, width + ": '" + line + "'");
        }
      }
    }
  }

  @Test
  void aWordLongerThanTheLineIsBroken() {
    List<AttributedString> lines = new MarkdownRenderer(20, Style.of(false)).render("x".repeat(45));
    assertEquals(List.of(20, 20, 5), lines.stream().map(AttributedString::columnLength).toList());
  }

  @Test
  void inlineCodeKeepsBackticksOnlyWithoutColour() {
    assertEquals("use `id` now\n", new MarkdownRenderer(40, Style.of(false)).renderToAnsi("use `id` now"));
    AttributedString coloured = new MarkdownRenderer(40, Style.of(true)).render("use `id` now").get(0);
    assertEquals("use id now", coloured.toString());
    assertEquals(AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW), coloured.styleAt(4));
  }
}
