package dev.rootlessctr.lesson;

import java.util.List;
import java.util.function.Consumer;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;

/**
 * Walks and edits a prose tree without recursion: a lesson may nest lists or quotes thousands deep,
 * and the walk must not run out of stack.
 */
final class ProseTree {

  private ProseTree() {}

  /** Visits every node under {@code root} (not {@code root} itself) in document order. */
  static void forEach(Node root, Consumer<Node> action) {
    Node node = root.getFirstChild();
    while (node != null) {
      action.accept(node);
      node = following(root, node, true);
    }
  }

  /**
   * Replaces each {@code {{name}}} in text, inline code and code blocks with {@link Placeholder}
   * nodes; code that quotes a value becomes a {@link PlaceholderCode} or {@link
   * PlaceholderCodeBlock} holding text and placeholders.
   */
  static void markPlaceholders(Node root) {
    Node node = root.getFirstChild();
    while (node != null) {
      Node now = replace(node);
      node =
          following(
              root, now, !(now instanceof PlaceholderCode || now instanceof PlaceholderCodeBlock));
    }
  }

  /** The next node in document order after {@code node}, staying under {@code root}. */
  private static Node following(Node root, Node node, boolean descend) {
    if (descend && node.getFirstChild() != null) {
      return node.getFirstChild();
    }
    Node at = node;
    while (at != root && at.getNext() == null) {
      at = at.getParent();
    }
    return at == root ? null : at.getNext();
  }

  /** The node that now stands where {@code node} stood (the last of several, for split text). */
  private static Node replace(Node node) {
    if (node instanceof Text text && Placeholders.any(text.getLiteral())) {
      Node last = node;
      for (Node part : parts(text.getLiteral(), line(node))) {
        last.insertAfter(part);
        last = part;
      }
      node.unlink();
      return last;
    }
    if (node instanceof Code code && Placeholders.any(code.getLiteral())) {
      return swap(node, new PlaceholderCode(), code.getLiteral(), line(node));
    }
    if (node instanceof FencedCodeBlock fence && Placeholders.any(fence.getLiteral())) {
      return swap(
          node, new PlaceholderCodeBlock(fence.getInfo()), fence.getLiteral(), line(node) + 1);
    }
    if (node instanceof IndentedCodeBlock indented && Placeholders.any(indented.getLiteral())) {
      return swap(node, new PlaceholderCodeBlock(null), indented.getLiteral(), line(node));
    }
    return node;
  }

  private static Node swap(Node old, Node replacement, String literal, int firstLine) {
    parts(literal, firstLine).forEach(replacement::appendChild);
    replacement.setSourceSpans(old.getSourceSpans());
    old.insertAfter(replacement);
    old.unlink();
    return replacement;
  }

  /** Text and placeholder nodes for {@code literal}, each placeholder knowing its line. */
  private static List<Node> parts(String literal, int firstLine) {
    int line = firstLine;
    List<Node> nodes = new java.util.ArrayList<>();
    for (Placeholders.Part part : Placeholders.split(literal)) {
      if (part.placeholder()) {
        nodes.add(new Placeholder(part.text(), line));
      } else {
        nodes.add(new Text(part.text()));
        line += (int) part.text().chars().filter(c -> c == '\n').count();
      }
    }
    return nodes;
  }

  /** The 1-based line where a node starts, 0 when the parser kept no position. */
  static int line(Node node) {
    List<SourceSpan> spans = node.getSourceSpans();
    return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
  }
}
