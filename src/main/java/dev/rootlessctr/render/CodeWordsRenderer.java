package dev.rootlessctr.render;

import java.util.Set;
import java.util.function.UnaryOperator;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.jline.utils.AttributedString;

/**
 * Renders code (inline and blocks) with its text passed through a function first: an explanation
 * that names {@code busybox-bundle/config.json} shows {@code alpine-bundle/config.json} to the
 * learner who made that instead. Prose words are left alone; only code names things.
 */
public final class CodeWordsRenderer implements NodeRenderer {

  private final TerminalWriter writer;
  private final Style style;
  private final UnaryOperator<String> words;

  public CodeWordsRenderer(TerminalNodeRendererContext context, UnaryOperator<String> words) {
    this.writer = context.writer();
    this.style = context.style();
    this.words = words;
  }

  @Override
  public Set<Class<? extends Node>> getNodeTypes() {
    return Set.of(Code.class, FencedCodeBlock.class, IndentedCodeBlock.class);
  }

  @Override
  public void render(Node node) {
    if (node instanceof Code code) {
      String text = words.apply(code.getLiteral());
      writer.text(style.color() ? text : "`" + text + "`", style.code());
    } else if (node instanceof FencedCodeBlock fence) {
      writer.code(new AttributedString(words.apply(fence.getLiteral()), style.code()), style.dim());
    } else if (node instanceof IndentedCodeBlock indented) {
      writer.code(
          new AttributedString(words.apply(indented.getLiteral()), style.code()), style.dim());
    }
  }
}
