package dev.rootlessctr.lesson;

import java.nio.file.Path;

/**
 * A problem in a lesson file, located precisely enough to fix: {@code file:line:column: message}.
 * Lines and columns count from 1; a problem with the file as a whole stands at 1:1.
 */
public record LessonError(Path file, int line, int column, String message) {

  /** A problem with a whole line, reported at its first column. */
  public LessonError(Path file, int line, String message) {
    this(file, line, 1, message);
  }

  /**
   * The form editors and compilers use. The file name and the message are shown with control
   * characters escaped, so a hostile file name cannot drive the learner's terminal.
   */
  @Override
  public String toString() {
    return VisibleText.of(String.valueOf(file))
        + ":"
        + line
        + ":"
        + column
        + ": "
        + VisibleText.of(message);
  }
}
