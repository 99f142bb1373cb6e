package dev.rootlessctr.lesson;

import java.nio.file.Path;
import java.util.List;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/** Where a lesson's nodes stand in its file, so each problem is reported as {@code file:line}. */
final class SourceText {

  private final Path file;

  SourceText(Path file) {
    this.file = file;
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
}
