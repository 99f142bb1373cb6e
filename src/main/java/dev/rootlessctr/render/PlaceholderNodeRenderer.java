package dev.rootlessctr.render;

import dev.rootlessctr.lesson.Placeholder;
import dev.rootlessctr.lesson.PlaceholderCode;
import dev.rootlessctr.lesson.PlaceholderCodeBlock;
import java.util.Optional;
import java.util.Set;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.jline.utils.AttributedStringBuilder;

/**
 * Fills a lesson's {@code {{name}}} at render time. A value is inserted as literal text, never read
 * as markdown, so a {@code *} or a backtick in it stays what it is. A value this rendering does not
 * have shows as {@value #MISSING} in the dim style, never as the raw placeholder.
 */
public final class PlaceholderNodeRenderer implements NodeRenderer {

  /** What stands where a value was not measured. */
  public static final String MISSING = "(not measured)";

  private final TerminalNodeRendererContext context;
  private final TerminalWriter writer;
  private final Style style;

  public PlaceholderNodeRenderer(TerminalNodeRendererContext context) {
    this.context = context;
    this.writer = context.writer();
    this.style = context.style();
  }

  @Override
  public Set<Class<? extends Node>> getNodeTypes() {
    return Set.of(Placeholder.class, PlaceholderCode.class, PlaceholderCodeBlock.class);
  }

  @Override
  public void render(Node node) {
    if (node instanceof Placeholder placeholder) {
      Optional<String> value = context.value(placeholder.name());
      if (value.isPresent()) {
        writer.text(visible(value.get(), false));
      } else {
        writer.text(MISSING, style.dim());
      }
    } else if (node instanceof PlaceholderCode) {
      writer.pushStyle(style.code());
      String tick = style.color() ? "" : "`";
      writer.text(tick);
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
        context.render(child);
      }
      writer.text(tick);
      writer.popStyle();
    } else if (node instanceof PlaceholderCodeBlock) {
      AttributedStringBuilder code = new AttributedStringBuilder();
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
        if (child instanceof Text text) {
          code.append(text.getLiteral(), style.code());
        } else if (child instanceof Placeholder placeholder) {
          Optional<String> value = context.value(placeholder.name());
          code.append(
              value.map(v -> visible(v, true)).orElse(MISSING),
              value.isPresent() ? style.code() : style.dim());
        }
      }
      writer.code(code.toAttributedString(), style.dim());
    }
  }

  /**
   * A measured value as the terminal may show it: control characters (an escape in a file name) in
   * caret notation, so they cannot move the cursor or change colours; inline, a line break is a
   * space, as in the text around it.
   */
  static String visible(String value, boolean block) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\n' || c == '\r') {
        if (block && c == '\n') {
          out.append('\n');
        } else if (!block && !(c == '\n' && i > 0 && value.charAt(i - 1) == '\r')) {
          out.append(' ');
        }
      } else if (c == '\t') {
        out.append(c);
      } else if (c < 0x20 || c == 0x7f) {
        out.append('^').append(c == 0x7f ? '?' : (char) (c + '@'));
      } else if (c >= 0x80 && c < 0xa0) {
        out.append('?');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
