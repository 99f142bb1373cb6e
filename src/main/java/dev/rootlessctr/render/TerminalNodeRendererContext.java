package dev.rootlessctr.render;

import java.util.Optional;
import org.commonmark.node.Node;

/**
 * What a {@link org.commonmark.renderer.NodeRenderer} for the terminal can use while it renders.
 */
public interface TerminalNodeRendererContext {

  /** Where the lines go. */
  TerminalWriter writer();

  /** The palette, and whether colour and Unicode marks are on. */
  Style style();

  /** The measured value a {@code {{name}}} quotes, if this rendering has it. */
  Optional<String> value(String name);

  /** Renders a node (usually a child) with whichever renderer handles its type. */
  void render(Node node);
}
