package dev.rootlessctr.shell;

import dev.rootlessctr.check.KnownMistakes;
import dev.rootlessctr.check.CheckContext;
import dev.rootlessctr.check.CheckReport;
import dev.rootlessctr.check.Checker;
import dev.rootlessctr.check.ExpectationResult;
import dev.rootlessctr.check.Observations;
import dev.rootlessctr.check.Observer;
import dev.rootlessctr.check.Outcome;
import dev.rootlessctr.check.Template;
import dev.rootlessctr.edit.JsonEditor;
import dev.rootlessctr.exec.LineRunner;
import dev.rootlessctr.exec.ShellState;
import dev.rootlessctr.lesson.Command;
import dev.rootlessctr.lesson.JsonEdit;
import dev.rootlessctr.lesson.Expectation;
import dev.rootlessctr.lesson.Lesson;
import dev.rootlessctr.lesson.Mistake;
import dev.rootlessctr.lesson.Step;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The teaching logic behind the prompt: shows steps, runs lines, checks and explains. The read
 * loop and the {@code :} command table live in {@link Shell}.
 */
final class Tutor {

  private final Session session;
  private final Printer printer;
  private final LineRunner runner;
  private final ShellState shell;
  private final Checker checker = new Checker();
  private final Supplier<CheckContext> checkContext;
  private final LessonHooks hooks;
  private final Runnable save;

  Tutor(
      Session session,
      Printer printer,
      LineRunner runner,
      ShellState shell,
      Supplier<CheckContext> checkContext,
      LessonHooks hooks,
      Runnable save) {
    this.session = session;
    this.printer = printer;
    this.runner = runner;
    this.shell = shell;
    this.checkContext = checkContext;
    this.hooks = hooks;
    this.save = save;
  }

  Session session() {
    return session;
  }

  Printer printer() {
    return printer;
  }

  ShellState shellState() {
    return shell;
  }

  /** Shows the step where the learner stands, preparing its lesson first if needed. */
  void show() {
    Optional<Position> position = session.position();
    if (position.isEmpty()) {
      printer.line("This course has no lessons that loaded. :lessons shows why.");
      return;
    }
    Position p = position.get();
    if (p.stepNumber() == 1) {
      printer.blank();
      printer.heading("Lesson " + p.lesson().number() + ": " + p.lesson().title());
      if (!p.lesson().intro().isBlank()) {
        printer.markdown(p.lesson().intro());
      }
    }
    Step step = p.step();
    printer.blank();
    String done = session.isComplete(p) ? "  (done)" : "";
    printer.heading("Step " + p.stepNumber() + "/" + p.lesson().steps().size() + ": " + step.title() + done);
    printer.markdown(Template.fill(step.text(), checkContext.get().builtIns()));
    printer.blank();
    if (step.isReading() && !step.commands().isEmpty()) {
      printer.note("This step is optional: try it if you like; :next moves on.");
    } else if (step.isReading()) {
      printer.note("Nothing to run here: :next moves on.");
    } else if (step.commands().isEmpty() && !step.edits().isEmpty()) {
      printer.note("Make the edit yourself, or :run to have the shell make it and show the change. :hint helps.");
    } else if (!step.commands().isEmpty() || !step.edits().isEmpty()) {
      printer.note("Type the command yourself, or :run to have it shown and run. :hint helps.");
    } else {
      printer.note("Do it at the prompt; the step is checked after each command. :hint helps.");
    }
  }

  /** Before a command of {@code lesson} runs: the hooks decide what is new to do or say. */
  private void prepare(Lesson lesson) {
    hooks.beforeLesson(lesson, printer);
  }

  /** Runs a shell line the learner typed, then checks the step. */
  void runLine(String line) {
    Optional<Position> position = session.position();
    position.ifPresent(p -> prepare(p.lesson()));
    Outcome outcome;
    try {
      outcome = runObserved(line, position);
    } catch (IOException e) {
      printer.failure("could not run that line: " + e.getMessage());
      return;
    }
    boolean midLine = !outcome.output().isEmpty() && !outcome.output().endsWith("\n");
    if (midLine || outcome.interrupted()) {
      printer.blank(); // the command left the cursor mid-line (the terminal's ^C echo, a printf)
    }
    if (outcome.interrupted()) {
      printer.note("(interrupted)");
    }
    if (position.isEmpty()) {
      return;
    }
    Position p = position.get();
    Step step = p.step();
    if (step.isReading()) {
      return;
    }
    session.recordOutcome(p, outcome);
    afterCommand(p, outcome);
  }

  /** Runs a line while watching the step's "while it runs" expectations from outside. */
  private Outcome runObserved(String line, Optional<Position> position) throws IOException {
    List<Expectation> live =
        position.filter(p -> !session.isComplete(p)).map(p -> p.step().whileRunning()).orElse(List.of());
    Observer observer = Observer.start(live, checkContext, checker, OBSERVE_EVERY);
    Outcome outcome;
    try {
      outcome = runner.run(line, shell);
    } finally {
      Observations seen = observer.stop();
      position.ifPresent(p -> {
        if (!live.isEmpty()) {
          session.recordObservations(p, seen);
        }
      });
    }
    return outcome;
  }

  private static final java.time.Duration OBSERVE_EVERY = java.time.Duration.ofMillis(50);

  private void reportObservations(Position p) {
    Observations seen = session.observations(p);
    if (seen.results().isEmpty()) {
      return;
    }
    printer.blank();
    if (seen.results().values().stream().noneMatch(ExpectationResult::passed)) {
      // Usually the command failed before there was anything to see: one line, not one per
      // probe repeating the same "no container"; :check lists them all.
      ExpectationResult first = seen.results().values().iterator().next();
      printer.note("While it ran, rootless-ctr looked from outside and saw nothing to check: " + first.actual());
      return;
    }
    printer.line("While it ran, rootless-ctr looked from outside, as a second terminal would:");
    for (ExpectationResult result : seen.results().values()) {
      if (result.passed()) {
        printer.success(result.description() + ": " + result.actual());
      } else {
        printer.failure(result.description() + ": " + result.actual());
      }
    }
  }

  private void afterCommand(Position p, Outcome outcome) {
    afterCommand(p, outcome, looksLikeAttempt(p.step(), outcome.command()));
  }

  /** {@code attempt}: the line was the step's own work (typed, or done by :run), so say what is missing. */
  private void afterCommand(Position p, Outcome outcome, boolean attempt) {
    if (session.isComplete(p)) {
      // The learner is exploring after the step was done: nothing to judge, but a known error
      // still deserves its explanation.
      if (outcome.exitCode() != 0) {
        explainMistakes(p, outcome, checkContext.get().builtIns());
      }
      return;
    }
    Observations seen = session.observations(p);
    if (attempt || seen.results().values().stream().anyMatch(ExpectationResult::passed)) {
      reportObservations(p);
    }
    CheckReport report = checker.check(p.step(), Optional.of(outcome), seen, checkContext.get());
    if (report.passed()) {
      session.complete(p);
      save.run();
      celebrate(p, report);
      return;
    }
    if (explainMistakes(p, outcome, report.values())) {
      return;
    }
    Optional<Command> next = nextCommand(p.step(), outcome);
    if (next.isPresent()) {
      printer.note("Good. Next in this step: " + Template.fill(next.get().text(), checkContext.get().builtIns()));
      return;
    }
    if (attempt) {
      ExpectationResult failed = report.firstFailure().orElseThrow();
      printer.note("Not done yet: " + failed.description() + " (" + failed.actual() + "). :check shows everything, :hint helps.");
    }
  }

  /** Explains the known mistake in the output, if there is one; says whether there was. */
  private boolean explainMistakes(Position p, Outcome outcome, Map<String, String> values) {
    Optional<Mistake> mistake = KnownMistakes.in(session.course(), p.lesson(), p.step(), outcome.output());
    mistake.ifPresent(m -> {
      printer.blank();
      showMistake("That is a known mistake", m, values);
    });
    return mistake.isPresent();
  }

  private void showMistake(String lead, Mistake mistake, Map<String, String> values) {
    printer.warning(lead + ": \"" + mistake.pattern() + "\"");
    printer.markdown(Template.fill(mistake.explanation(), values));
  }

  private void celebrate(Position p, CheckReport report) {
    printer.blank();
    printer.success("Step " + p.stepNumber() + " done: " + p.step().title());
    explain(p, report);
    Optional<Position> next = session.after(p);
    if (next.isPresent()) {
      printer.note("Next: :next (" + describe(next.get()) + ")");
    } else {
      printer.note("That was the last step of the course. :status shows your progress.");
    }
  }

  private void explain(Position p, CheckReport report) {
    String explanation = p.step().explanation();
    if (!explanation.isBlank()) {
      printer.markdown(Template.fill(explanation, report.values()));
    }
  }

  private static String describe(Position p) {
    return p.stepNumber() == 1
        ? "lesson " + p.lesson().number() + ", " + p.lesson().title()
        : "step " + p.stepNumber() + ", " + p.step().title();
  }

  /** When the line was one of the step's commands but not its last, and it worked: the next one. */
  private Optional<Command> nextCommand(Step step, Outcome outcome) {
    if (outcome.exitCode() != 0) {
      return Optional.empty();
    }
    String typed = outcome.command().strip().replaceAll("\\s+", " ");
    List<Command> commands = step.commands();
    for (int i = 0; i < commands.size() - 1; i++) {
      String expected = Template.fill(commands.get(i).text(), checkContext.get().builtIns()).strip().replaceAll("\\s+", " ");
      if (expected.equals(typed)) {
        return Optional.of(commands.get(i + 1));
      }
    }
    return Optional.empty();
  }

  /** Whether a line was meant for this step: it starts with the same program as a step command. */
  private static boolean looksLikeAttempt(Step step, String line) {
    String program = firstWord(line);
    return step.commands().stream().anyMatch(c -> firstWord(c.text()).equals(program));
  }

  private static String firstWord(String line) {
    String trimmed = line.strip();
    int space = trimmed.indexOf(' ');
    return space < 0 ? trimmed : trimmed.substring(0, space);
  }

  /** {@code :check}: every expectation with what was expected and what was seen. */
  boolean check() {
    Optional<Position> position = session.position();
    if (position.isEmpty()) {
      printer.line("No lesson is open.");
      return false;
    }
    Position p = position.get();
    Step step = p.step();
    if (step.isReading()) {
      printer.line("This step has nothing to check: :next moves on.");
      return true;
    }
    CheckReport report = checker.check(step, session.lastOutcome(p), session.observations(p), checkContext.get());
    for (ExpectationResult result : report.results()) {
      if (result.passed()) {
        printer.success(result.description() + ": " + result.actual());
      } else {
        printer.failure(result.description());
        printer.labelled("    expected: ", result.expected());
        printer.labelled("    actual:   ", result.actual());
      }
    }
    session.noteCheck(report.passed());
    if (report.passed()) {
      if (!session.isComplete(p)) {
        session.complete(p);
        save.run();
        celebrate(p, report);
      } else {
        printer.success("Step " + p.stepNumber() + " is done.");
      }
    } else {
      session.lastOutcome(p).ifPresent(o -> KnownMistakes.in(session.course(), p.lesson(), p.step(), o.output())
          .ifPresent(m -> showMistake("Known mistake", m, report.values())));
    }
    return report.passed();
  }

  /** {@code :explain}: the explanation, with the values measured now. */
  void explain() {
    Optional<Position> position = session.position();
    if (position.isEmpty()) {
      return;
    }
    Position p = position.get();
    if (p.step().explanation().isBlank()) {
      printer.line("This step has no explanation beyond its text. :show displays it again.");
      return;
    }
    CheckReport report = checker.check(p.step(), session.lastOutcome(p), session.observations(p), checkContext.get());
    if (!report.passed() && !session.isComplete(p)) {
      printer.note("(The step is not done yet, so some values below may be missing.)");
    }
    explain(p, report);
  }

  /** {@code :hint}: one more hint each time. */
  void hint() {
    Optional<Position> position = session.position();
    if (position.isEmpty()) {
      return;
    }
    Position p = position.get();
    List<String> hints = p.step().hints();
    int n = session.nextHint(p);
    if (n <= hints.size()) {
      printer.styled("Hint " + n + "/" + hints.size() + ":", printer.style().accent());
      printer.markdown(hints.get(n - 1));
    } else if (!p.step().commands().isEmpty()) {
      printer.line("No more hints. The step's command is:");
      p.step().commands().forEach(c -> printer.styled("    " + Template.fill(c.text(), checkContext.get().builtIns()), printer.style().code()));
      printer.note(":run runs it for you.");
    } else {
      printer.line("No more hints for this step.");
    }
  }

  /** {@code :run}: shows the step's edits and commands, applies and runs them. */
  void run() {
    Optional<Position> position = session.position();
    if (position.isEmpty()) {
      return;
    }
    Position p = position.get();
    Step step = p.step();
    prepare(p.lesson());
    if (step.commands().isEmpty() && step.edits().isEmpty()) {
      printer.line("This step has nothing for :run to do: it is done at the prompt by you. :hint helps.");
      return;
    }
    for (JsonEdit edit : step.edits()) {
      applyEdit(edit);
    }
    for (Command command : step.commands()) {
      String text = Template.fill(command.text(), checkContext.get().builtIns());
      printer.styled("$ " + text, printer.style().code());
      Outcome outcome;
      try {
        outcome = runObserved(text, Optional.of(p));
      } catch (IOException e) {
        printer.failure("could not run: " + e.getMessage());
        return;
      }
      session.recordOutcome(p, outcome);
      boolean last = command == step.commands().get(step.commands().size() - 1);
      if (outcome.exitCode() != 0 && !last) {
        printer.failure("exit status " + outcome.exitCode() + "; stopping before the next command.");
        afterCommand(p, outcome, true);
        return;
      }
    }
    if (step.commands().isEmpty()) {
      afterCommand(p, new Outcome(":run", 0, "", java.time.Duration.ZERO, false), true);
    } else {
      session.lastOutcome(p).ifPresent(o -> afterCommand(p, o, true));
    }
  }

  private void applyEdit(JsonEdit template) {
    Map<String, String> builtIns = checkContext.get().builtIns();
    JsonEdit edit = new JsonEdit(template.file(), template.pointer(), Template.fill(template.json(), builtIns), template.line());
    Path file = shell.cwd().resolve(edit.file());
    try {
      JsonEditor.Result result = new JsonEditor().apply(edit, file);
      if (result instanceof JsonEditor.Refused refused) {
        printer.failure(EditRefusal.message(refused, edit, session.position().orElseThrow().lesson(), session.course(), builtIns));
        return;
      }
      JsonEditor.Applied applied = (JsonEditor.Applied) result;
      if (!applied.changed()) {
        printer.note(edit.file() + " already has that at " + edit.pointer() + "; nothing to change.");
        return;
      }
      printer.line("Edited " + edit.file() + " (added at " + edit.pointer() + "):");
      for (String line : applied.diff()) {
        printer.styled("  " + line, line.startsWith("+") ? printer.style().success() : line.startsWith("-") ? printer.style().failure() : printer.style().dim());
      }
    } catch (IOException e) {
      printer.failure("could not edit " + edit.file() + ": " + e.getMessage());
    }
  }

  void next() {
    session.position().ifPresent(p -> {
      if (p.step().isReading() && !session.isComplete(p)) {
        session.complete(p);
      }
      if (!session.isComplete(p)) {
        printer.note("(Moving on although step " + p.stepNumber() + " is not done; :back returns to it.)");
      }
      Optional<Position> next = session.after(p);
      if (next.isEmpty()) {
        printer.line("You are at the last step of the course. :status shows your progress.");
        save.run();
        return;
      }
      session.moveTo(next.get());
      save.run();
      show();
    });
  }

  void back() {
    session.position().ifPresent(p -> {
      Optional<Position> before = session.before(p);
      if (before.isEmpty()) {
        printer.line("This is the first step of the course.");
        return;
      }
      session.moveTo(before.get());
      save.run();
      show();
    });
  }

  void open(Lesson lesson) {
    int step = 1;
    for (int i = 1; i <= lesson.steps().size(); i++) {
      if (!session.progress().isComplete(lesson.id(), i)) {
        step = i;
        break;
      }
    }
    session.moveTo(new Position(lesson, step));
    save.run();
    show();
  }

  void lessons() {
    for (Lesson lesson : session.course().lessons()) {
      Session.Tally tally = session.tally(lesson);
      boolean here = session.position().map(p -> p.lesson() == lesson).orElse(false);
      String mark = tally.complete() ? (printer.style().symbols() ? "✔" : "done") : tally.done() + "/" + tally.total();
      printer.line(String.format("%s %2d. %-10s %-40s %s", here ? ">" : " ", lesson.number(), lesson.id(), lesson.title(), mark));
    }
    for (var error : session.course().errors()) {
      printer.failure("not loaded: " + error);
    }
  }
}
