package dev.rootlessctr.lesson;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Document;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/**
 * Text a lesson shows the learner (an intro, a step's text, an explanation, a hint, what a mistake
 * means), kept as the CommonMark tree it was parsed into, with each {@code {{name}}} a {@link
 * Placeholder} node. It is rendered from the tree and never turned back into markdown, so a value
 * filled in later is never read as markdown.
 *
 * <p>The tree belongs to this object: renderers read it and must not change it.
 */
public final class Prose {

  private static final Parser MARKDOWN = Parser.builder().build();

  private final Document document;
  private final int line;

  private Prose(Document document, int line) {
    this.document = document;
    this.line = line;
  }

  /** Nothing to show; {@code line} is where it would have been, for messages. */
  public static Prose empty(int line) {
    return new Prose(new Document(), line);
  }

  /** Prose from markdown that is not in a lesson file (tests, a fixed message), as line 1. */
  public static Prose parse(String markdown) {
    Document document = (Document) MARKDOWN.parse(markdown);
    ProseTree.markPlaceholders(document);
    return new Prose(document, 1);
  }

  /**
   * Moves {@code blocks} (siblings of one parsed lesson, in order) under a document of their own
   * and marks their placeholders.
   */
  static Prose of(List<? extends Node> blocks, int line) {
    Document document = new Document();
    for (Node block : List.copyOf(blocks)) {
      block.unlink();
      document.appendChild(block);
    }
    ProseTree.markPlaceholders(document);
    return new Prose(document, line);
  }

  /** The root of the tree: its children are the blocks to render. */
  public Document document() {
    return document;
  }

  /** The 1-based line of the lesson file where it starts. */
  public int line() {
    return line;
  }

  public boolean isEmpty() {
    return document.getFirstChild() == null;
  }

  /** Every placeholder, in reading order. */
  public List<Placeholder> placeholders() {
    List<Placeholder> found = new ArrayList<>();
    ProseTree.forEach(
        document,
        node -> {
          if (node instanceof Placeholder placeholder) {
            found.add(placeholder);
          }
        });
    return found;
  }
}
