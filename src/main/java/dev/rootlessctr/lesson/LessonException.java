package dev.rootlessctr.lesson;

import java.util.List;

/** Thrown by the parser for a malformed lesson; carries every located error found in it. */
public final class LessonException extends Exception {

  private final List<LessonError> errors;

  public LessonException(LessonError error) {
    this(List.of(error));
  }

  public LessonException(List<LessonError> errors) {
    super(errors.isEmpty() ? "malformed lesson" : errors.get(0).toString(), null, false, false);
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a LessonException needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  /** The first error in the file. */
  public LessonError error() {
    return errors.get(0);
  }

  /** Every error, in file order as far as the parser found them. */
  public List<LessonError> errors() {
    return errors;
  }
}
