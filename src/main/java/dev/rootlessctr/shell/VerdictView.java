package dev.rootlessctr.shell;

import dev.rootlessctr.check.CheckReport;
import dev.rootlessctr.check.ExpectationResult;
import dev.rootlessctr.check.Observations;
import dev.rootlessctr.exec.Outcome;
import dev.rootlessctr.tutor.Bindings;
import dev.rootlessctr.tutor.Position;
import dev.rootlessctr.tutor.Verdict;
import java.util.Optional;
import java.util.function.IntSupplier;

/** Prints a {@link Verdict}: the tutor's word after a line. It decides nothing. */
final class VerdictView {

  /** Usage text longer than this is folded to its error line on a terminal. */
  private static final int FOLD_OVER = 4;

  private final Printer printer;
  private final IntSupplier height;

  VerdictView(Printer printer, IntSupplier height) {
    this.printer = printer;
    this.height = height;
  }

  void print(Verdict verdict, Outcome outcome, Optional<Position> current) {
    if (verdict instanceof Verdict.Completed completed) {
      completed(completed, current);
    } else if (verdict instanceof Verdict.NotYet notYet) {
      notYet(notYet, current);
    } else if (verdict instanceof Verdict.NextCommand next) {
      boolean here = current.filter(next.step()::equals).isPresent();
      printer.note(
          (here
                  ? "Good. Next in this step: "
                  : "Good, that is " + next.step().label() + "'s first command. Next: ")
              + next.next());
    } else if (verdict instanceof Verdict.KnownMistake mistake) {
      observations(mistake.seen(), Bindings.none());
      printer.blank();
      boolean sameLesson =
          current.filter(c -> c.lesson() == mistake.context().lesson()).isPresent();
      String from =
          sameLesson ? "" : " (" + mistake.context().label() + ", which this command belongs to)";
      printer.warning(
          "That is a known mistake" + from + ": \"" + mistake.mistake().pattern() + "\"");
      printer.markdown(mistake.mistake().explanation(), mistake.values());
    } else if (verdict instanceof Verdict.WrongUsage usage) {
      wrongUsage(usage, outcome);
    } else if (verdict instanceof Verdict.NotFound notFound) {
      notFound(notFound);
    } else if (verdict instanceof Verdict.WrongSide side) {
      wrongSide(side);
    } else if (verdict instanceof Verdict.ForeignStateDir foreign) {
      printer.blank();
      printer.warning(
          "runc's state directory "
              + foreign.dir()
              + " belongs to "
              + foreign.owner()
              + ", not to you, so runc cannot keep your containers there.");
      printer.note(
          "That is why the course gives runc a directory of yours: --root \"$RUNC_ROOT\" ("
              + foreign.courseRoot()
              + "). Any directory you own works too.");
    } else if (verdict instanceof Verdict.OtherTool other) {
      printer.blank();
      String where = other.step().map(p -> " (" + p.label() + ")").orElse("");
      String result =
          other.exitCode() == 0
              ? "It worked"
              : "It exited with status "
                  + other.exitCode()
                  + (other.lastLine().isEmpty() ? "" : " (" + other.lastLine() + ")");
      printer.note(
          other.program()
              + " "
              + other.subcommand()
              + " is not the course's "
              + other.courseProgram()
              + " "
              + other.subcommand()
              + where
              + ". "
              + result
              + ", but the course checks what "
              + other.courseProgram()
              + " made, so this step stays as it was; :explain says what differs.");
    } else if (verdict instanceof Verdict.Unsure unsure) {
      printer.blank();
      String said =
          unsure.lastLine().isEmpty() ? "and printed nothing." : "and said: " + unsure.lastLine();
      printer.note(unsure.program() + " exited with status " + unsure.exitCode() + " " + said);
      printer.note(
          unsure.inCourse()
              ? "rootless-ctr does not recognise this error, so it cannot say more than "
                  + unsure.program()
                  + " did. :check shows where the step stands."
              : unsure.program()
                  + " is not one of this course's commands, so rootless-ctr cannot judge what went"
                  + " wrong.");
    }
  }

  private void notFound(Verdict.NotFound notFound) {
    printer.blank();
    if (notFound.suggestion().isPresent()) {
      printer.warning(
          "There is no command '"
              + notFound.typed()
              + "'. Did you mean "
              + notFound.suggestion().get()
              + "?");
      notFound.corrected().ifPresent(c -> printer.styled("    " + c, printer.style().code()));
    } else {
      printer.note(
          "There is no command '"
              + notFound.typed()
              + "' on this machine (bash said: command not found).");
    }
  }

  private void completed(Verdict.Completed completed, Optional<Position> current) {
    for (Verdict.Credit credit : completed.credits()) {
      observations(credit.seen(), credit.bindings());
      printer.blank();
      printer.success(
          "Step "
              + credit.step().stepNumber()
              + " done: "
              + credit.step().step().title()
              + (current.filter(credit.step()::equals).isPresent()
                  ? ""
                  : " (" + credit.step().label() + ")"));
      explain(credit.step(), credit.report(), credit.bindings());
    }
    completed
        .here()
        .ifPresent(
            notYet -> {
              printer.blank();
              printer.note(
                  "This step ("
                      + notYet.step().step().title()
                      + ") is not done yet: "
                      + missing(notYet.failed())
                      + ". :check shows everything, :hint helps.");
            });
  }

  void explain(Position p, CheckReport report) {
    explain(p, report, Bindings.none());
  }

  /** The step's explanation, its code naming what the learner made ({@code names}). */
  void explain(Position p, CheckReport report, Bindings names) {
    if (!p.step().explanation().isEmpty()) {
      printer.markdown(p.step().explanation(), report.values(), names::apply);
    }
  }

  private void notYet(Verdict.NotYet notYet, Optional<Position> current) {
    observations(notYet.seen(), notYet.bindings());
    ExpectationResult failed = notYet.failed();
    String lead =
        current.filter(notYet.step()::equals).isPresent()
            ? "Not done yet: "
            : "That is "
                + notYet.step().label()
                + "'s command ("
                + notYet.step().step().title()
                + "); not done yet: ";
    printer.note(lead + missing(failed) + ". :check shows everything, :hint helps.");
  }

  /** One failed expectation in a sentence: what was expected and what was seen. */
  static String missing(ExpectationResult failed) {
    String what = failed.description().equals(failed.expected()) ? "" : failed.description() + ": ";
    return what + "expected " + failed.expected() + ", saw " + failed.actual();
  }

  /** What was seen from outside while the line ran; one line when nothing could be seen. */
  private void observations(Observations seen, Bindings bindings) {
    if (seen.results().isEmpty()) {
      return;
    }
    String where = bindings.runcRoot().map(r -> " (in your --root " + r + ")").orElse("");
    printer.blank();
    if (seen.results().values().stream().noneMatch(ExpectationResult::passed)) {
      ExpectationResult first = seen.results().values().iterator().next();
      printer.note(
          "While it ran, rootless-ctr looked from outside"
              + where
              + " and saw nothing to check: "
              + first.actual());
      return;
    }
    printer.paragraph(
        "While it ran, rootless-ctr looked from outside" + where + ", as a second terminal would:");
    for (ExpectationResult result : seen.results().values()) {
      if (result.passed()) {
        printer.success(result.description() + ": " + result.actual());
      } else {
        printer.failure(result.description() + ": " + result.actual());
      }
    }
  }

  private void wrongUsage(Verdict.WrongUsage usage, Outcome outcome) {
    int lines = usage.error().outputLines();
    boolean folded = false;
    if (lines > FOLD_OVER && height.getAsInt() > 2) {
      // Output taller than the screen pushed the typed line off it: clear the screen above the
      // cursor and show the line again, so what was typed and what went wrong stay together.
      int rows = rows(outcome.output());
      boolean overflow = rows >= height.getAsInt() - 1;
      folded = printer.eraseAbove(overflow ? height.getAsInt() - 1 : rows);
      if (folded && overflow) {
        printer.note("$ " + outcome.command());
      }
      if (folded) {
        printer.styled(usage.error().errorLine(), printer.style().failure());
        printer.note(
            "("
                + usage.program()
                + " then printed "
                + (lines - 1)
                + " lines of usage; :output shows them all)");
      }
    }
    printer.blank();
    printer.warning(
        usage.program()
            + " did not run: it was called wrongly ("
            + usage.error().errorLine()
            + ").");
    usage
        .corrected()
        .ifPresent(
            c -> {
              printer.line("You probably meant:");
              printer.styled("    " + c, printer.style().code());
            });
  }

  private int rows(String output) {
    int width = Math.max(20, printer.rawWidth());
    int rows = 0;
    for (String line : output.split("\n", -1)) {
      rows += Math.max(1, (line.length() + width - 1) / width);
    }
    return output.endsWith("\n") ? rows - 1 : rows;
  }

  private void wrongSide(Verdict.WrongSide side) {
    printer.blank();
    if (side.ranOn() == Verdict.Side.HOST) {
      String where = side.step().map(p -> " (" + p.label() + ")").orElse("");
      printer.warning(
          "'"
              + side.command()
              + "' ran here, on the host, as you: the lesson types it inside the container"
              + where
              + ".");
      side.start()
          .ifPresent(
              start -> {
                printer.line("Start the container first, then type it at its / # prompt:");
                printer.styled("    " + start, printer.style().code());
              });
    } else {
      printer.warning(
          "'"
              + side.command()
              + "' was typed inside the container, where there is none (sh: "
              + side.command()
              + ": not found).");
      printer.note(
          "It is a command for this machine: leave the container with exit, then type it here.");
    }
  }
}
