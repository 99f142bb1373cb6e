package dev.rootlessctr.lesson;

import org.commonmark.node.CustomNode;

/**
 * A {@code {{name}}} in lesson prose: a value the shell measures, filled in only when the prose is
 * rendered, as literal text that is never read as markdown.
 *
 * <p>It stands where the text had it: among text nodes, or as a child of a {@link PlaceholderCode}
 * or {@link PlaceholderCodeBlock} when the placeholder was written inside code.
 */
public final class Placeholder extends CustomNode {

  private final String name;
  private final int line;

  /** {@code line}: the 1-based line of the lesson file, 0 when unknown. */
  public Placeholder(String name, int line) {
    this.name = name;
    this.line = line;
  }

  /** {@code uid} or {@code probe-name.key}. */
  public String name() {
    return name;
  }

  /** The 1-based line of the lesson file where it is written, 0 when unknown. */
  public int line() {
    return line;
  }

  @Override
  public String toString() {
    return "Placeholder{" + name + "}";
  }
}
