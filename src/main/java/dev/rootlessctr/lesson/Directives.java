package dev.rootlessctr.lesson;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.node.HtmlBlock;

/**
 * Lesson-wide settings written as HTML comments, invisible when the lesson is read as a document:
 * {@code <!-- needs: runc skopeo -->}, {@code <!-- cleanup: path ~/file -->}, {@code <!-- cleanup:
 * container NAME -->}.
 */
final class Directives {

  private Directives() {}

  static boolean isDirective(HtmlBlock html) {
    String body = body(html);
    return body != null && (body.startsWith("needs:") || body.startsWith("cleanup:"));
  }

  static void read(HtmlBlock html, SourceText text, Set<String> needs, List<CleanupItem> cleanup)
      throws LessonException {
    String body = body(html);
    int line = text.line(html);
    if (body.startsWith("needs:")) {
      for (String tag : body.substring("needs:".length()).trim().split("[\\s,]+")) {
        if (!tag.isEmpty()) {
          needs.add(tag.toLowerCase(Locale.ROOT));
        }
      }
      return;
    }
    String[] words = body.substring("cleanup:".length()).trim().split("\\s+", 2);
    if (words.length != 2 || !(words[0].equals("path") || words[0].equals("container"))) {
      throw text.error(line, "cleanup directive must be 'cleanup: path PATH' or 'cleanup: container NAME'");
    }
    cleanup.add(new CleanupItem(words[0], words[1].trim(), line));
  }

  private static String body(HtmlBlock html) {
    String literal = html.getLiteral().strip();
    if (!literal.startsWith("<!--") || !literal.endsWith("-->")) {
      return null;
    }
    return literal.substring(4, literal.length() - 3).strip();
  }
}
