package dev.rootlessctr.doctor;

import java.util.ArrayList;
import java.util.List;

/** Breaks text into lines no wider than a limit, at spaces; long words stay whole. */
final class TextWrap {

  private TextWrap() {}

  /**
   * Wraps each paragraph line of {@code text} to {@code width} columns.
   *
   * <p>Lines that start with two spaces are commands meant for copying and are never broken.
   */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n", -1)) {
      if (paragraph.startsWith("  ")) {
        lines.add(paragraph);
        continue;
      }
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.split(" +")) {
        if (word.isEmpty()) {
          continue;
        }
        if (line.length() > 0 && line.length() + 1 + word.length() > width) {
          lines.add(line.toString());
          line.setLength(0);
        }
        if (line.length() > 0) {
          line.append(' ');
        }
        line.append(word);
      }
      lines.add(line.toString());
    }
    return lines;
  }
}
