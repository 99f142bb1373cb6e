package dev.rootlessctr.render;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Renders CommonMark for a terminal: headings, emphasis, inline code, code blocks, lists, block
 * quotes and links, wrapped to a width. With colour off the result is plain text that still
 * reads well (code keeps its backticks, headings are underlined).
 */
public final class MarkdownRenderer {

  private static final Parser PARSER = Parser.builder().build();

  private final int width;
  private final Style style;

  public MarkdownRenderer(int width, Style style) {
    this.width = Math.max(width, 20);
    this.style = style;
  }

  public Style style() {
    return style;
  }

  /** Renders {@code markdown} to lines, without a trailing blank line. */
  public List<AttributedString> render(String markdown) {
    List<AttributedString> lines = new ArrayList<>();
    blocks(PARSER.parse(markdown), "", "", lines);
    while (!lines.isEmpty() && lines.get(lines.size() - 1).length() == 0) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  /** Renders to one string with ANSI escapes (or none when colour is off). */
  public String renderToAnsi(String markdown) {
    StringBuilder out = new StringBuilder();
    for (AttributedString line : render(markdown)) {
      out.append(style.color() ? line.toAnsi() : line.toString()).append('\n');
    }
    return out.toString();
  }

  private void blocks(Node parent, String firstPrefix, String prefix, List<AttributedString> lines) {
    boolean first = true;
    for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
      if (!first && !(parent instanceof ListItem && isTight(parent))) {
        lines.add(new AttributedString(prefix.stripTrailing()));
      }
      block(node, first ? firstPrefix : prefix, prefix, lines);
      first = false;
    }
  }

  private static boolean isTight(Node item) {
    Node list = item.getParent();
    return list instanceof BulletList bullet ? bullet.isTight() : list instanceof OrderedList ordered && ordered.isTight();
  }

  private void block(Node node, String firstPrefix, String prefix, List<AttributedString> lines) {
    if (node instanceof Heading heading) {
      heading(heading, firstPrefix, lines);
    } else if (node instanceof Paragraph) {
      paragraph(inline(node), firstPrefix, prefix, lines);
    } else if (node instanceof FencedCodeBlock fence) {
      code(fence.getLiteral(), firstPrefix, prefix, lines);
    } else if (node instanceof IndentedCodeBlock indented) {
      code(indented.getLiteral(), firstPrefix, prefix, lines);
    } else if (node instanceof BulletList || node instanceof OrderedList) {
      list(node, firstPrefix, prefix, lines);
    } else if (node instanceof BlockQuote) {
      String bar = style.symbols() ? "│ " : "| ";
      blocks(node, firstPrefix + bar, prefix + bar, lines);
    } else if (node instanceof ThematicBreak) {
      lines.add(new AttributedString(firstPrefix + (style.symbols() ? "─" : "-").repeat(Math.min(width - firstPrefix.length(), 40)), style.dim()));
    } else if (node instanceof HtmlBlock) {
      // Comments carry lesson directives; other HTML has no terminal rendering.
    } else {
      blocks(node, firstPrefix, prefix, lines);
    }
  }

  private void heading(Heading heading, String prefix, List<AttributedString> lines) {
    AttributedStringBuilder text = new AttributedStringBuilder().append(prefix);
    text.append(inline(heading).toString(), style.heading());
    lines.add(text.toAttributedString());
    if (!style.color() && heading.getLevel() <= 2) {
      String rule = (heading.getLevel() == 1 ? "=" : "-").repeat(Math.max(3, text.columnLength() - prefix.length()));
      lines.add(new AttributedString(prefix + rule));
    }
  }

  private void paragraph(AttributedString text, String firstPrefix, String prefix, List<AttributedString> lines) {
    int room = width - prefix.length();
    List<AttributedString> wrapped = Wrapper.wrap(text, room);
    for (int i = 0; i < wrapped.size(); i++) {
      AttributedStringBuilder line = new AttributedStringBuilder();
      line.append(i == 0 ? firstPrefix : prefix, style.dim());
      line.append(wrapped.get(i));
      lines.add(line.toAttributedString());
    }
  }

  private void code(String literal, String firstPrefix, String prefix, List<AttributedString> lines) {
    String[] codeLines = literal.stripTrailing().split("\n", -1);
    for (int i = 0; i < codeLines.length; i++) {
      AttributedStringBuilder line = new AttributedStringBuilder();
      line.append(i == 0 ? firstPrefix : prefix, style.dim());
      line.append("    ");
      line.append(codeLines[i], style.code());
      lines.add(line.toAttributedString());
    }
  }

  private void list(Node list, String firstPrefix, String prefix, List<AttributedString> lines) {
    int number = list instanceof OrderedList ordered ? ordered.getStartNumber() : 0;
    boolean first = true;
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      String marker;
      if (list instanceof OrderedList) {
        marker = number++ + ". ";
      } else {
        marker = style.symbols() ? "• " : "- ";
      }
      String itemFirst = (first ? firstPrefix : prefix) + marker;
      String itemRest = prefix + " ".repeat(marker.length());
      if (!first && !isTightList(list)) {
        lines.add(new AttributedString(prefix.stripTrailing()));
      }
      blocks(item, itemFirst, itemRest, lines);
      first = false;
    }
  }

  private static boolean isTightList(Node list) {
    return list instanceof BulletList bullet ? bullet.isTight() : ((OrderedList) list).isTight();
  }

  private AttributedString inline(Node parent) {
    AttributedStringBuilder out = new AttributedStringBuilder();
    inlines(parent, style.plain(), out);
    return out.toAttributedString();
  }

  private void inlines(Node parent, AttributedStyle current, AttributedStringBuilder out) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Text text) {
        out.append(text.getLiteral(), current);
      } else if (node instanceof Code code) {
        String literal = style.color() ? code.getLiteral() : "`" + code.getLiteral() + "`";
        out.append(literal, style.code());
      } else if (node instanceof Emphasis) {
        inlines(node, style.color() ? current.italic() : current, out);
      } else if (node instanceof StrongEmphasis) {
        inlines(node, style.color() ? current.bold() : current, out);
      } else if (node instanceof Link link) {
        int before = out.length();
        inlines(node, style.link(), out);
        String label = out.subSequence(before, out.length()).toString();
        if (!label.equals(link.getDestination())) {
          out.append(" <" + link.getDestination() + ">", style.dim());
        }
      } else if (node instanceof SoftLineBreak) {
        out.append(" ", current);
      } else if (node instanceof HardLineBreak) {
        out.append("\n", current);
      } else if (node instanceof HtmlInline) {
        // no terminal rendering
      } else {
        inlines(node, current, out);
      }
    }
  }
}
