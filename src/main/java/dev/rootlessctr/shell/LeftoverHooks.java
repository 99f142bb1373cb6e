package dev.rootlessctr.shell;

import dev.rootlessctr.doctor.Finding;
import dev.rootlessctr.lab.Cleaner;
import dev.rootlessctr.lab.StartedProcesses;
import dev.rootlessctr.lesson.Lesson;
import dev.rootlessctr.lesson.Step;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Predicate;

/**
 * At the start, says what shells of this learner that were killed (SIGKILL, a crash) left behind:
 * scratch directories, collected already, and containers, which a terminal session offers to delete
 * and a script only reports. Everything else goes to the wrapped hooks: a method added to {@link
 * LessonHooks} must be forwarded here too.
 */
final class LeftoverHooks implements LessonHooks {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private final LessonHooks delegate;
  private final Cleaner cleaner;
  private final List<Path> scratchCollected;
  private final boolean interactive;

  LeftoverHooks(
      LessonHooks delegate, Cleaner cleaner, List<Path> scratchCollected, boolean interactive) {
    this.delegate = delegate;
    this.cleaner = cleaner;
    this.scratchCollected = List.copyOf(scratchCollected);
    this.interactive = interactive;
  }

  @Override
  public void started(Printer printer, Predicate<String> confirm) {
    if (!scratchCollected.isEmpty()) {
      printer.note(
          "Removed "
              + (scratchCollected.size() == 1
                  ? "the scratch directory "
                  : scratchCollected.size() + " scratch directories ")
              + "that a killed rootless-ctr shell left: "
              + String.join(", ", scratchCollected.stream().map(Path::toString).toList())
              + ".");
    }
    List<Cleaner.Leftover> leftovers = cleaner.leftovers();
    if (!leftovers.isEmpty()) {
      printer.warning(
          "A rootless-ctr shell of yours ended without cleaning up (it was killed), and left "
              + (leftovers.size() == 1 ? "a container:" : leftovers.size() + " containers:"));
      for (Cleaner.Leftover leftover : leftovers) {
        printer.line(
            "  "
                + leftover.id()
                + " ("
                + leftover.status()
                + "), started by the shell with pid "
                + leftover.session().pid()
                + " at "
                + WHEN.format(leftover.session().started())
                + "; delete it with:");
        // One unwrapped line, so that it can be copied as it is.
        printer.line(
            "    runc --root "
                + leftover.session().runcRoot()
                + " delete --force "
                + leftover.id());
      }
      if (interactive
          && confirm.test("Delete " + (leftovers.size() == 1 ? "it" : "them") + " now? [y/N] ")) {
        cleaner.deleteLeftovers(leftovers).forEach(done -> printer.note("  " + done));
      } else {
        printer.note(
            "Left as "
                + (leftovers.size() == 1 ? "it is" : "they are")
                + "; this shell's :quit and :reset do not touch "
                + (leftovers.size() == 1 ? "it" : "them")
                + ".");
      }
    }
    List<StartedProcesses.Found> orphans = cleaner.orphanedProcesses();
    if (!orphans.isEmpty()) {
      printer.warning(
          "A rootless-ctr shell of yours ended without cleaning up (it was killed), and left "
              + (orphans.size() == 1 ? "a program" : orphans.size() + " programs")
              + " running in the background: "
              + String.join(", ", orphans.stream().map(Object::toString).toList())
              + ".");
      if (interactive
          && confirm.test("Stop " + (orphans.size() == 1 ? "it" : "them") + " now? [y/N] ")) {
        orphans.forEach(o -> printer.note("  " + StartedProcesses.stop(o)));
      } else {
        printer.note(
            "Left running; `kill "
                + String.join(" ", orphans.stream().map(o -> Long.toString(o.pid())).toList())
                + "` stops "
                + (orphans.size() == 1 ? "it" : "them")
                + ".");
      }
    }
    delegate.started(printer, confirm);
  }

  @Override
  public void beforeLesson(Lesson lesson, Printer printer) {
    delegate.beforeLesson(lesson, printer);
  }

  @Override
  public void doctor(Printer printer, Predicate<String> confirm) {
    delegate.doctor(printer, confirm);
  }

  @Override
  public boolean courseBlocked(Printer printer) {
    return delegate.courseBlocked(printer);
  }

  @Override
  public List<Finding> stepBlockers(Step step) {
    return delegate.stepBlockers(step);
  }

  @Override
  public List<String> status() {
    return delegate.status();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
