package dev.rootlessctr.lesson;

import java.nio.file.Path;

/** A problem in a lesson file, located precisely enough to fix: {@code file:line: message}. */
public record LessonError(Path file, int line, String message) {

  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}
