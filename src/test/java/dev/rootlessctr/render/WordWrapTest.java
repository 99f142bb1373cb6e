package dev.rootlessctr.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class WordWrapTest {

  @Test
  void breaksAtSpacesAndDropsTheSpacesAtTheBreak() {
    assertEquals(
        List.of("one two", "three four", "five"), WordWrap.wrap("one two three four five", 10));
  }

  @Test
  void aWordLongerThanTheWidthStartsALineAndIsBrokenAtTheWidth() {
    assertEquals(
        List.of("ab", "xxxxxxxxxx", "xxxxxxxxxx", "xxxxx cd"),
        WordWrap.wrap("ab " + "x".repeat(25) + " cd", 10));
  }

  @Test
  void keepsSpacingInsideALineAndEndsLinesAtNewlines() {
    assertEquals(List.of("a  b", "c", ""), WordWrap.wrap("a  b\nc\n", 20));
    assertEquals(List.of(""), WordWrap.wrap("", 20));
  }

  @Test
  void anIndentedLineIsACommandAndIsNeverBroken() {
    String command =
        "  sudo usermod --add-subuids 200000-265535 --add-subgids 200000-265535 learner";
    assertEquals(List.of("Run:", command), WordWrap.wrap("Run:\n" + command, 20));
  }

  @Test
  void countsColumnsNotCharacters() {
    for (String line : WordWrap.wrap("日本語のテキスト ".repeat(6), 10)) {
      assertTrue(new AttributedString(line).columnLength() <= 10, line);
    }
  }

  @Test
  void styledTextKeepsItsStylesAndEscapesTakeNoColumns() {
    String ansi = new AttributedString("bold words that wrap", AttributedStyle.BOLD).toAnsi();
    List<String> lines = WordWrap.wrapAnsi(ansi, 10);
    assertEquals(
        List.of("bold words", "that wrap"),
        lines.stream().map(l -> AttributedString.fromAnsi(l).toString()).toList());
    for (String line : lines) {
      assertEquals(AttributedStyle.BOLD, AttributedString.fromAnsi(line).styleAt(0), line);
    }
    assertEquals(
        List.of("plain text"),
        WordWrap.wrapAnsi("plain text", 20),
        "no escapes added to plain text");
  }

  @Test
  void aWidthBelowTheMinimumCountsAsTheMinimum() {
    assertEquals(
        List.of("x".repeat(WordWrap.MIN_WIDTH), "xx"),
        WordWrap.wrap("x".repeat(WordWrap.MIN_WIDTH + 2), 3));
  }
}
