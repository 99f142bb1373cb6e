package dev.rootlessctr.lesson;

/**
 * Text safe to print on a terminal: control characters (C0, DEL, C1), bidirectional overrides and
 * lone surrogates are written as escapes ({@code \x1b}, {@code \u202e}) instead of reaching the
 * terminal, where they could move the cursor, recolour or reorder what the learner reads.
 */
public final class VisibleText {

  private VisibleText() {}

  /** {@code text} with every invisible or terminal-controlling character escaped. */
  public static String of(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pairedSurrogate =
          Character.isHighSurrogate(c)
                  && i + 1 < text.length()
                  && Character.isLowSurrogate(text.charAt(i + 1))
              || Character.isLowSurrogate(c)
                  && i > 0
                  && Character.isHighSurrogate(text.charAt(i - 1));
      boolean hidden = isControl(c) || Character.isSurrogate(c) && !pairedSurrogate;
      if (hidden && out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (out != null) {
        if (hidden) {
          out.append(
              c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  /** Whether {@code c} controls a terminal or the direction of text rather than showing a glyph. */
  public static boolean isControl(char c) {
    return c < 0x20
        || c >= 0x7f && c <= 0x9f
        || c >= 0x202a && c <= 0x202e
        || c >= 0x2066 && c <= 0x2069
        || c == 0x200e
        || c == 0x200f
        || c == 0x061c;
  }
}
