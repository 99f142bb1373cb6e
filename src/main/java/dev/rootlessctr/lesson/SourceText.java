package dev.rootlessctr.lesson;

import java.nio.file.Path;
import java.util.List;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/** The lesson's raw lines, so nodes can be located ({@code file:line}) and sliced back to markdown. */
final class SourceText {

  private final Path file;
  private final String[] lines;

  SourceText(Path file, String source) {
    this.file = file;
    this.lines = source.split("\r?\n", -1);
  }

  Path file() {
    return file;
  }

  /** The 1-based line where {@code node} starts. */
  int line(Node node) {
    List<SourceSpan> spans = node.getSourceSpans();
    return spans.isEmpty() ? 1 : spans.get(0).getLineIndex() + 1;
  }

  int lastLine(Node node) {
    List<SourceSpan> spans = node.getSourceSpans();
    return spans.isEmpty() ? line(node) : spans.get(spans.size() - 1).getLineIndex() + 1;
  }

  /** The 1-based column where {@code node} starts. */
  int column(Node node) {
    List<SourceSpan> spans = node.getSourceSpans();
    return spans.isEmpty() ? 1 : spans.get(0).getColumnIndex() + 1;
  }

  LessonException error(Node node, String message) {
    return error(line(node), column(node), message);
  }

  LessonException error(int line, int column, String message) {
    return new LessonException(new LessonError(file, line, column, message));
  }

  LessonException error(int line, String message) {
    return new LessonException(new LessonError(file, line, message));
  }

  /** The markdown of consecutive blocks, from the first one's first line to the last one's last. */
  String slice(List<Node> blocks) {
    if (blocks.isEmpty()) {
      return "";
    }
    return lines(line(blocks.get(0)), lastLine(blocks.get(blocks.size() - 1)), 0);
  }

  /**
   * The markdown of a list item's content: its first line from {@code column}, later lines with up
   * to {@code column} leading spaces removed (the item's indentation).
   */
  String itemContent(Node item, int firstLine, int column) {
    return lines(firstLine, lastLine(item), column);
  }

  private String lines(int from, int to, int column) {
    StringBuilder out = new StringBuilder();
    for (int i = from; i <= to && i <= lines.length; i++) {
      String raw = lines[i - 1];
      out.append(i == from ? raw.substring(Math.min(column, raw.length())) : dedent(raw, column));
      out.append('\n');
    }
    return out.toString().strip() + "\n";
  }

  private static String dedent(String raw, int column) {
    int cut = 0;
    while (cut < column && cut < raw.length() && raw.charAt(cut) == ' ') {
      cut++;
    }
    return raw.substring(cut);
  }
}
