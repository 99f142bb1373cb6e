package dev.rootlessctr.lesson;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;

/**
 * Checks the whole markdown tree before anything else walks it: nesting depth (the renderer and the
 * visitors recurse), code fences that never close (the rest of the file would become a command),
 * and directives where they would be silently ignored. The walk itself keeps its own stack, so no
 * input can overflow the thread's.
 */
final class DocumentCheck {

  /** How deep lists, quotes and emphasis may nest inside each other, counted in tree nodes. */
  static final int MAX_DEPTH = 32;

  private DocumentCheck() {}

  /** The problems found. Too deep a tree is thrown instead, alone: nothing else may walk it. */
  static List<LessonError> check(Node document, SourceText text) throws LessonException {
    List<LessonError> errors = new ArrayList<>();
    Deque<Node> nodes = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    nodes.push(document);
    depths.push(0);
    while (!nodes.isEmpty()) {
      Node node = nodes.pop();
      int depth = depths.pop();
      if (depth > MAX_DEPTH) {
        throw text.error(
            node,
            "the markdown nests more than "
                + MAX_DEPTH
                + " levels deep here (lists, quotes and emphasis inside each other); flatten it");
      }
      inspect(node, text, errors);
      for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
        nodes.push(child);
        depths.push(depth + 1);
      }
    }
    errors.sort(LessonParser.IN_FILE_ORDER);
    return errors;
  }

  private static void inspect(Node node, SourceText text, List<LessonError> errors) {
    if (node instanceof FencedCodeBlock fence && fence.getClosingFenceLength() == null) {
      String marker =
          String.valueOf(fence.getFenceCharacter()).repeat(fence.getOpeningFenceLength());
      errors.add(
          located(
              text,
              node,
              "the code block opened with "
                  + marker
                  + " is never closed; end it with a line of "
                  + marker
                  + (node.getParent() instanceof Document
                      ? ""
                      : " inside the same list item or quote")));
    } else if (node instanceof HtmlBlock html) {
      String literal = html.getLiteral().strip();
      if (literal.startsWith("<!--") && !literal.contains("-->")) {
        errors.add(
            located(
                text,
                node,
                "the comment opened here is never closed with -->; it hides the rest of the"
                    + " lesson"));
      } else if (Directives.isDirective(html) && !(node.getParent() instanceof Document)) {
        errors.add(
            located(
                text,
                node,
                "a directive inside a list or quote is ignored; put it on a line of its own,"
                    + " outside"));
      }
    } else if (node instanceof HtmlInline inline
        && Directives.looksLikeDirective(inline.getLiteral())) {
      errors.add(
          located(
              text, node, "a directive must stand on a line of its own, not inside a paragraph"));
    }
  }

  private static LessonError located(SourceText text, Node node, String message) {
    return text.error(node, message).error();
  }
}
