package dev.rootlessctr.lesson;

import org.commonmark.node.CustomBlock;

/**
 * A code block that quotes a value (a JSON edit with {@code "source": "{{home}}"}): its children
 * are {@link org.commonmark.node.Text} and {@link Placeholder} nodes whose text, once filled, is
 * the block's content.
 */
public final class PlaceholderCodeBlock extends CustomBlock {

  private final String info;

  /** {@code info} is the fence's info string, or null for an indented block. */
  public PlaceholderCodeBlock(String info) {
    this.info = info;
  }

  /** The fence's info string ({@code sh}, {@code json add FILE POINTER}), null when indented. */
  public String info() {
    return info;
  }
}
