package dev.rootlessctr.render;

import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.renderer.NodeRenderer;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * Renders CommonMark's own nodes for a terminal: headings, emphasis, inline code, code blocks,
 * lists, block quotes and links. With colour off the text still reads well: code keeps its
 * backticks, headings of level one and two are underlined.
 *
 * <p>Shaped like commonmark-java's {@code CoreTextContentNodeRenderer}: one visitor, children
 * rendered through the context so other renderers (placeholders) take their nodes.
 */
public class CoreTerminalNodeRenderer extends AbstractVisitor implements NodeRenderer {

  protected final TerminalNodeRendererContext context;
  private final TerminalWriter writer;
  private final Style style;

  public CoreTerminalNodeRenderer(TerminalNodeRendererContext context) {
    this.context = context;
    this.writer = context.writer();
    this.style = context.style();
  }

  @Override
  public Set<Class<? extends Node>> getNodeTypes() {
    return Set.of(
        Document.class,
        Heading.class,
        Paragraph.class,
        BlockQuote.class,
        BulletList.class,
        OrderedList.class,
        ListItem.class,
        FencedCodeBlock.class,
        IndentedCodeBlock.class,
        HtmlBlock.class,
        ThematicBreak.class,
        LinkReferenceDefinition.class,
        Text.class,
        Code.class,
        Emphasis.class,
        StrongEmphasis.class,
        Link.class,
        Image.class,
        SoftLineBreak.class,
        HardLineBreak.class,
        HtmlInline.class);
  }

  @Override
  public void render(Node node) {
    node.accept(this);
  }

  @Override
  public void visit(Document document) {
    blocks(document);
  }

  @Override
  public void visit(Heading heading) {
    visitChildren(heading);
    String text = writer.takeInline().toString();
    writer.line(new AttributedString(text, style.heading()), style.plain());
    if (!style.color() && heading.getLevel() <= 2) {
      int length = new AttributedString(text).columnLength();
      writer.line(
          new AttributedString((heading.getLevel() == 1 ? "=" : "-").repeat(Math.max(3, length))),
          style.plain());
    }
  }

  @Override
  public void visit(Paragraph paragraph) {
    visitChildren(paragraph);
    writer.paragraph(style.dim());
  }

  @Override
  public void visit(BlockQuote blockQuote) {
    String bar = style.symbols() ? "│ " : "| ";
    writer.pushPrefix(bar, bar);
    blocks(blockQuote);
    writer.popPrefix();
  }

  @Override
  public void visit(BulletList bulletList) {
    list(bulletList, 0);
  }

  @Override
  public void visit(OrderedList orderedList) {
    list(orderedList, orderedList.getStartNumber());
  }

  @Override
  public void visit(ListItem listItem) {
    blocks(listItem);
  }

  @Override
  public void visit(FencedCodeBlock fencedCodeBlock) {
    writer.code(new AttributedString(fencedCodeBlock.getLiteral(), style.code()), style.dim());
  }

  @Override
  public void visit(IndentedCodeBlock indentedCodeBlock) {
    writer.code(new AttributedString(indentedCodeBlock.getLiteral(), style.code()), style.dim());
  }

  @Override
  public void visit(HtmlBlock htmlBlock) {
    // Comments carry lesson directives; other HTML has no terminal rendering.
  }

  @Override
  public void visit(LinkReferenceDefinition definition) {
    // Only a target for links; nothing to show.
  }

  @Override
  public void visit(ThematicBreak thematicBreak) {
    int room = writer.width() - writer.nextPrefix().length();
    String rule = (style.symbols() ? "─" : "-").repeat(Math.max(0, Math.min(room, 40)));
    writer.line(new AttributedString(rule, style.dim()), style.dim());
  }

  @Override
  public void visit(Text text) {
    writer.text(text.getLiteral());
  }

  @Override
  public void visit(Code code) {
    writer.text(style.color() ? code.getLiteral() : "`" + code.getLiteral() + "`", style.code());
  }

  @Override
  public void visit(Emphasis emphasis) {
    styled(emphasis, style.color() ? writer.style().italic() : writer.style());
  }

  @Override
  public void visit(StrongEmphasis strongEmphasis) {
    styled(strongEmphasis, style.color() ? writer.style().bold() : writer.style());
  }

  @Override
  public void visit(Link link) {
    int before = writer.inlineLength();
    styled(link, style.link());
    if (!writer.inlineText(before).equals(link.getDestination())) {
      writer.text(" <" + link.getDestination() + ">", style.dim());
    }
  }

  @Override
  public void visit(SoftLineBreak softLineBreak) {
    writer.text(" ");
  }

  @Override
  public void visit(HardLineBreak hardLineBreak) {
    writer.text("\n");
  }

  @Override
  public void visit(HtmlInline htmlInline) {
    // no terminal rendering
  }

  @Override
  protected void visitChildren(Node parent) {
    Node node = parent.getFirstChild();
    while (node != null) {
      Node next = node.getNext();
      context.render(node);
      node = next;
    }
  }

  private void styled(Node parent, AttributedStyle s) {
    writer.pushStyle(s);
    visitChildren(parent);
    writer.popStyle();
  }

  /** The children of a container, an empty line between two (none in a tight list's item). */
  private void blocks(Node parent) {
    boolean first = true;
    for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
      if (!first && !(parent instanceof ListItem && isTight(parent.getParent()))) {
        writer.blankLine();
      }
      context.render(node);
      first = false;
    }
  }

  private void list(ListBlock list, int start) {
    int number = start;
    boolean first = true;
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      String marker = list instanceof OrderedList ? number++ + ". " : style.symbols() ? "• " : "- ";
      if (!first && !isTight(list)) {
        writer.blankLine();
      }
      writer.pushPrefix(marker, " ".repeat(marker.length()));
      context.render(item);
      writer.popPrefix();
      first = false;
    }
  }

  private static boolean isTight(Node list) {
    return list instanceof ListBlock block && block.isTight();
  }
}
