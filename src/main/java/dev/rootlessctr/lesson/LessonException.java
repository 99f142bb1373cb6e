package dev.rootlessctr.lesson;

/** Thrown by the parser for a malformed lesson; carries the located error. */
public final class LessonException extends Exception {

  private final LessonError error;

  public LessonException(LessonError error) {
    super(error.toString());
    this.error = error;
  }

  public LessonError error() {
    return error;
  }
}
