package dev.rootlessctr.render;

import org.jline.utils.AttributedStyle;

/** The palette, in one place; every style degrades to nothing when colour is off. */
public final class Style {

  private final boolean color;
  private final boolean unicode;

  private Style(boolean color, boolean unicode) {
    this.color = color;
    this.unicode = unicode;
  }

  /** Colour or not, on a terminal that shows Unicode. */
  public static Style of(boolean color) {
    return new Style(color, true);
  }

  /** Colour or not; {@code unicode} false when the terminal's charset is ASCII (POSIX locale). */
  public static Style of(boolean color, boolean unicode) {
    return new Style(color, unicode);
  }

  public boolean color() {
    return color;
  }

  /** Whether the terminal shows characters beyond ASCII; when not, see {@link Glyphs#ascii}. */
  public boolean unicode() {
    return unicode;
  }

  /** Whether to draw marks such as a check mark and bars: colour on, and Unicode shown. */
  public boolean symbols() {
    return color && unicode;
  }

  public AttributedStyle plain() {
    return AttributedStyle.DEFAULT;
  }

  public AttributedStyle heading() {
    return color ? AttributedStyle.BOLD.foreground(AttributedStyle.CYAN) : AttributedStyle.DEFAULT;
  }

  public AttributedStyle code() {
    return color
        ? AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW)
        : AttributedStyle.DEFAULT;
  }

  public AttributedStyle emphasis() {
    return color ? AttributedStyle.DEFAULT.italic() : AttributedStyle.DEFAULT;
  }

  public AttributedStyle link() {
    return color
        ? AttributedStyle.DEFAULT.foreground(AttributedStyle.BLUE).underline()
        : AttributedStyle.DEFAULT;
  }

  public AttributedStyle dim() {
    return color ? AttributedStyle.DEFAULT.faint() : AttributedStyle.DEFAULT;
  }

  public AttributedStyle success() {
    return color ? AttributedStyle.BOLD.foreground(AttributedStyle.GREEN) : AttributedStyle.DEFAULT;
  }

  public AttributedStyle failure() {
    return color ? AttributedStyle.BOLD.foreground(AttributedStyle.RED) : AttributedStyle.DEFAULT;
  }

  public AttributedStyle warning() {
    return color
        ? AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW)
        : AttributedStyle.DEFAULT;
  }

  public AttributedStyle accent() {
    return color
        ? AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA)
        : AttributedStyle.DEFAULT;
  }
}
