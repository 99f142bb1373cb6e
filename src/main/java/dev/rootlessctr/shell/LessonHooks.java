package dev.rootlessctr.shell;

import dev.rootlessctr.doctor.Finding;
import dev.rootlessctr.lesson.Lesson;
import dev.rootlessctr.lesson.Step;
import java.util.List;

/**
 * What must happen before a lesson's steps can run: the host diagnosis for its needs, the offline
 * mirror for its pulls. Implementations print what they did through the shell.
 */
public interface LessonHooks {

  /**
   * Prepares for a command of {@code lesson}; called before every command, so it must be quick and
   * say things once. When the host cannot run it, says why; the command still runs, since the
   * learner typed it.
   */
  void beforeLesson(Lesson lesson, Printer printer);

  /**
   * What the host diagnosis says stops {@code step}'s own needs ({@link Step#needs()}); empty when
   * it declares none or the host has them. The shell then skips the step instead of running it.
   */
  List<Finding> stepBlockers(Step step);

  /** Runs the full host diagnosis for {@code :doctor}; {@code confirm} asks the learner yes/no. */
  void doctor(Printer printer, java.util.function.Predicate<String> confirm);

  /**
   * Called once when the shell starts, before the first prompt; must not be slow, except to ask the
   * learner ({@code confirm}) on the very first start.
   */
  default void started(Printer printer, java.util.function.Predicate<String> confirm) {}

  /**
   * At the end of a script: whether the host diagnosis found something that blocks the course (a
   * failed finding); says so when it did, and the script then exits non-zero.
   */
  boolean courseBlocked(Printer printer);

  /** One line per setting worth showing in {@code :status} (mirror mode, ...). */
  java.util.List<String> status();

  /** Where the shell reports the learner's standing (the room, in workshop mode). */
  default ProgressListener progressListener() {
    return ProgressListener.none();
  }

  /** {@code :room}: what is shared with the workshop room; {@code args} may turn it on or off. */
  default void room(
      java.util.List<String> args, Printer printer, java.util.function.Predicate<String> confirm) {
    printer.paragraph(
        "Sharing progress with a room needs workshop mode: start with --registry"
            + " workshop=HOST:PORT.");
  }

  /** Releases what the hooks started (the mirror). */
  void close();

  /** No preparation at all: tests of the shell itself. */
  static LessonHooks none() {
    return new LessonHooks() {
      @Override
      public boolean courseBlocked(Printer printer) {
        return false;
      }

      @Override
      public void beforeLesson(Lesson lesson, Printer printer) {}

      @Override
      public List<Finding> stepBlockers(Step step) {
        return List.of();
      }

      @Override
      public void doctor(Printer printer, java.util.function.Predicate<String> confirm) {
        printer.line("No host diagnosis is configured in this shell.");
      }

      @Override
      public java.util.List<String> status() {
        return java.util.List.of();
      }

      @Override
      public void close() {}
    };
  }
}
