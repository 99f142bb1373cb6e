package dev.rootlessctr.render;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/** Greedy word wrap of styled text, keeping each word's style; long words are broken. */
final class Wrapper {

  private Wrapper() {}

  static List<AttributedString> wrap(AttributedString text, int width) {
    List<AttributedString> lines = new ArrayList<>();
    int max = Math.max(width, 10);
    lines.addAll(wrapLine(text, max));
    return lines;
  }

  private static List<AttributedString> wrapLine(AttributedString text, int width) {
    List<AttributedString> lines = new ArrayList<>();
    AttributedStringBuilder line = new AttributedStringBuilder();
    int i = 0;
    int length = text.length();
    while (i < length) {
      if (text.charAt(i) == '\n') {
        lines.add(line.toAttributedString());
        line = new AttributedStringBuilder();
        i++;
        continue;
      }
      int start = i;
      while (i < length && text.charAt(i) == ' ') {
        i++;
      }
      int wordStart = i;
      while (i < length && text.charAt(i) != ' ' && text.charAt(i) != '\n') {
        i++;
      }
      AttributedString spaces = text.subSequence(start, wordStart);
      AttributedString word = text.subSequence(wordStart, i);
      if (line.columnLength() > 0 && line.columnLength() + spaces.columnLength() + word.columnLength() > width) {
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
        line.append(word.columnSubSequence(0, room));
        word = word.columnSubSequence(room, word.columnLength());
        lines.add(line.toAttributedString());
        line = new AttributedStringBuilder();
      }
      line.append(word);
    }
    lines.add(line.toAttributedString());
    return lines;
  }
}
