package dev.rootlessctr.render;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * The one word wrapper: greedy, by terminal columns, for styled and plain text alike.
 *
 * <ul>
 *   <li>Lines break at spaces; the spaces at a break are dropped, the others kept as written.
 *   <li>A word longer than the width is broken into pieces of exactly the width (it starts on a
 *       line of its own), so nothing runs past the edge of the terminal.
 *   <li>{@code \n} ends a line.
 *   <li>A line that starts with two spaces is preformatted, a command meant for copying: it is kept
 *       whole, however long.
 *   <li>Styles (and in {@link #wrapAnsi} ANSI escapes) take no columns and stay with their
 *       characters; wide characters count as two columns.
 *   <li>A width under {@value #MIN_WIDTH} counts as {@value #MIN_WIDTH}, so a deep indent still
 *       leaves room for words.
 * </ul>
 */
public final class WordWrap {

  /** The narrowest width wrapped to. */
  public static final int MIN_WIDTH = 10;

  private WordWrap() {}

  /** Wraps plain text. */
  public static List<String> wrap(String text, int width) {
    return wrap(new AttributedString(text), width).stream()
        .map(AttributedString::toString)
        .toList();
  }

  /** Wraps text that may hold ANSI escapes; each line keeps (and re-opens) its own styles. */
  public static List<String> wrapAnsi(String text, int width) {
    return wrap(AttributedString.fromAnsi(text), width).stream().map(Ansi::of).toList();
  }

  /** Wraps styled text. */
  public static List<AttributedString> wrap(AttributedString text, int width) {
    int max = Math.max(width, MIN_WIDTH);
    List<AttributedString> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        AttributedString line = text.subSequence(start, i);
        if (isPreformatted(line)) {
          lines.add(line);
        } else {
          wrapLine(line, max, lines);
        }
        start = i + 1;
      }
    }
    return lines;
  }

  private static boolean isPreformatted(AttributedString line) {
    return line.length() >= 2 && line.charAt(0) == ' ' && line.charAt(1) == ' ';
  }

  private static void wrapLine(AttributedString text, int width, List<AttributedString> lines) {
    AttributedStringBuilder line = new AttributedStringBuilder();
    int i = 0;
    int length = text.length();
    while (i < length) {
      int start = i;
      while (i < length && text.charAt(i) == ' ') {
        i++;
      }
      int wordStart = i;
      while (i < length && text.charAt(i) != ' ') {
        i++;
      }
      AttributedString spaces = text.subSequence(start, wordStart);
      AttributedString word = text.subSequence(wordStart, i);
      if (line.columnLength() > 0
          && line.columnLength() + spaces.columnLength() + word.columnLength() > width) {
        lines.add(line.toAttributedString());
        line = new AttributedStringBuilder();
      } else {
        line.append(spaces);
      }
      while (word.columnLength() > width) {
        int room = width - line.columnLength();
        if (room <= 0) {
          lines.add(line.toAttributedString());
          line = new AttributedStringBuilder();
          room = width;
        }
        AttributedString piece = word.columnSubSequence(0, room);
        if (piece.length() == 0) {
          piece = word.subSequence(0, 1); // a wide character where one column was left
        }
        line.append(piece);
        word = word.subSequence(piece.length(), word.length());
        lines.add(line.toAttributedString());
        line = new AttributedStringBuilder();
      }
      line.append(word);
    }
    lines.add(line.toAttributedString());
  }
}
