package dev.rootlessctr.render;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * The lines of one rendering: block prefixes (list markers, quote bars) that nest, and a buffer of
 * styled inline text that becomes a wrapped paragraph.
 *
 * <p>Each prefix level has a first form (a list item's marker) used once, on the first line written
 * inside it, and a rest form (the marker's width in spaces) for every later line.
 */
public final class TerminalWriter {

  private static final class Prefix {
    final String first;
    final String rest;
    boolean used;

    Prefix(String first, String rest) {
      this.first = first;
      this.rest = rest;
    }
  }

  private final int width;
  private final List<AttributedString> lines = new ArrayList<>();
  private final List<Prefix> prefixes = new ArrayList<>();
  private final List<AttributedStyle> styles = new ArrayList<>(List.of(AttributedStyle.DEFAULT));
  private AttributedStringBuilder inline = new AttributedStringBuilder();

  TerminalWriter(int width) {
    this.width = width;
  }

  public int width() {
    return width;
  }

  /**
   * Starts a nested block. Prefixes never take more than half the width: deeper blocks are written
   * at the indent reached, so their text still has room.
   */
  public void pushPrefix(String first, String rest) {
    boolean room = restPrefix().length() + Math.max(first.length(), rest.length()) <= width / 2;
    prefixes.add(room ? new Prefix(first, rest) : new Prefix("", ""));
  }

  public void popPrefix() {
    prefixes.remove(prefixes.size() - 1);
  }

  /** The prefix the next line will get, without using it up. */
  public String nextPrefix() {
    StringBuilder out = new StringBuilder();
    for (Prefix p : prefixes) {
      out.append(p.used ? p.rest : p.first);
    }
    return out.toString();
  }

  private String restPrefix() {
    StringBuilder out = new StringBuilder();
    for (Prefix p : prefixes) {
      out.append(p.rest);
    }
    return out.toString();
  }

  private String takePrefix() {
    String prefix = nextPrefix();
    prefixes.forEach(p -> p.used = true);
    return prefix;
  }

  /** The empty line between two blocks, carrying the bars of the quotes it is in. */
  public void blankLine() {
    lines.add(new AttributedString(restPrefix().stripTrailing()));
  }

  /** One line as it is (a heading, a rule), after the prefix in {@code prefixStyle}. */
  public void line(AttributedString content, AttributedStyle prefixStyle) {
    lines.add(
        new AttributedStringBuilder()
            .append(takePrefix(), prefixStyle)
            .append(content)
            .toAttributedString());
  }

  public void pushStyle(AttributedStyle style) {
    styles.add(style);
  }

  public void popStyle() {
    styles.remove(styles.size() - 1);
  }

  /** The style inline text gets now: plain, or what the enclosing emphasis or link set. */
  public AttributedStyle style() {
    return styles.get(styles.size() - 1);
  }

  /** Inline text in the current style. */
  public void text(String text) {
    inline.append(text, style());
  }

  public void text(String text, AttributedStyle style) {
    inline.append(text, style);
  }

  /** How much inline text is buffered, to find what a link's label added. */
  public int inlineLength() {
    return inline.length();
  }

  public String inlineText(int from) {
    return inline.subSequence(from, inline.length()).toString();
  }

  /** The buffered inline text, leaving the buffer empty. */
  public AttributedString takeInline() {
    AttributedString text = inline.toAttributedString();
    inline = new AttributedStringBuilder();
    return text;
  }

  /** The buffered inline text as a paragraph wrapped to the room the prefixes leave. */
  public void paragraph(AttributedStyle prefixStyle) {
    for (AttributedString wrapped : WordWrap.wrap(takeInline(), width - restPrefix().length())) {
      line(wrapped, prefixStyle);
    }
  }

  /** A code block: never wrapped, indented by four spaces, trailing blank lines dropped. */
  public void code(AttributedString literal, AttributedStyle prefixStyle) {
    int end = literal.length();
    while (end > 0 && Character.isWhitespace(literal.charAt(end - 1))) {
      end--;
    }
    int start = 0;
    for (int i = 0; i <= end; i++) {
      if (i == end || literal.charAt(i) == '\n') {
        line(
            new AttributedStringBuilder()
                .append("    ")
                .append(literal.subSequence(start, i))
                .toAttributedString(),
            prefixStyle);
        start = i + 1;
      }
    }
  }

  /** The lines written, without trailing empty ones. */
  List<AttributedString> lines() {
    List<AttributedString> result = new ArrayList<>(lines);
    while (!result.isEmpty() && result.get(result.size() - 1).length() == 0) {
      result.remove(result.size() - 1);
    }
    return result;
  }
}
