package dev.rootlessctr.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class AnsiTest {

  private static final AttributedStyle DIM = AttributedStyle.DEFAULT.faint();

  @Test
  void boxDrawingCharactersStayAsTheyAreWithTheirStyle() {
    AttributedString quote =
        new AttributedStringBuilder().append("│ ", DIM).append("a ┌─┐ path").toAttributedString();
    assertEquals("\u001b[2m│ \u001b[0ma ┌─┐ path", Ansi.of(quote));
  }

  @Test
  void textWithoutBoxDrawingIsJLinesOwnRendering() {
    AttributedString text =
        new AttributedStringBuilder().append("ok ", DIM).append("plain").toAttributedString();
    assertEquals(text.toAnsi(), Ansi.of(text));
  }

  @Test
  void aPrivateUseCharacterInTheTextIsNeverTurnedIntoABoxCharacter() {
    AttributedString text = new AttributedString("\uE005 and │", DIM);
    assertEquals(text.toAnsi(), Ansi.of(text));
    assertEquals('\uE005', Ansi.of(text).charAt(4));
  }
}
