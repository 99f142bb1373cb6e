package dev.rootlessctr.render;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * Styled text as a string with ANSI escapes, every character kept as it is.
 *
 * <p>JLine 4's {@code toAnsi()} replaces box-drawing characters ({@code │ ─ ┌} ...) with ASCII
 * ({@code | - +}) when it is not given a terminal (jline3 pull request 1638). The shell has already
 * chosen between Unicode and ASCII glyphs for the terminal ({@link Glyphs}, {@link
 * Style#symbols()}), and a path or a measured value must be shown as it is, so these characters
 * cross {@code toAnsi()} as stand-ins from Unicode's private use area and are put back after.
 */
public final class Ansi {

  private static final String BOX = "┘┐┌└┼─├┤┴┬│";
  private static final char STAND_IN = '\uE000';

  private Ansi() {}

  /** {@code text} with its styles as ANSI escapes. */
  public static String of(AttributedString text) {
    if (!needsStandIns(text)) {
      return text.toAnsi();
    }
    AttributedStringBuilder swapped = new AttributedStringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int box = BOX.indexOf(c);
      swapped.style(text.styleAt(i)).append(box < 0 ? c : (char) (STAND_IN + box));
    }
    String ansi = swapped.toAnsi();
    StringBuilder out = new StringBuilder(ansi.length());
    for (int i = 0; i < ansi.length(); i++) {
      char c = ansi.charAt(i);
      int box = c - STAND_IN;
      out.append(box >= 0 && box < BOX.length() ? BOX.charAt(box) : c);
    }
    return out.toString();
  }

  /**
   * Whether the text has a box-drawing character, and none of the stand-ins (which would come back
   * as box-drawing characters): such rare text gets JLine's own conversion.
   */
  private static boolean needsStandIns(AttributedString text) {
    boolean box = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= STAND_IN && c < STAND_IN + BOX.length()) {
        return false;
      }
      box |= BOX.indexOf(c) >= 0;
    }
    return box;
  }
}
