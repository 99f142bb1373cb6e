package dev.rootlessctr.shell;

import dev.rootlessctr.check.CheckContext;
import dev.rootlessctr.check.CheckReport;
import dev.rootlessctr.check.Checker;
import dev.rootlessctr.check.ExpectationResult;
import dev.rootlessctr.check.Observations;
import dev.rootlessctr.check.Observer;
import dev.rootlessctr.doctor.Finding;
import dev.rootlessctr.edit.JsonEditor;
import dev.rootlessctr.exec.LineRunner;
import dev.rootlessctr.exec.Outcome;
import dev.rootlessctr.exec.ShellState;
import dev.rootlessctr.lesson.Command;
import dev.rootlessctr.lesson.JsonEdit;
import dev.rootlessctr.lesson.Lesson;
import dev.rootlessctr.lesson.Placeholders;
import dev.rootlessctr.lesson.Prose;
import dev.rootlessctr.lesson.Step;
import dev.rootlessctr.probe.ProbeContext;
import dev.rootlessctr.tutor.Bindings;
import dev.rootlessctr.tutor.HostFacts;
import dev.rootlessctr.tutor.Judge;
import dev.rootlessctr.tutor.LineFacts;
import dev.rootlessctr.tutor.LineMatcher;
import dev.rootlessctr.tutor.Match;
import dev.rootlessctr.tutor.Position;
import dev.rootlessctr.tutor.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The teaching actions behind the prompt: shows steps, runs lines and has the {@link Judge} decide
 * what each did, then prints its verdict through the {@link VerdictView}. The read loop lives in
 * {@link Shell}, the {@code :} commands in {@link TutorCommand}.
 */
final class Tutor {

  private static final Duration OBSERVE_EVERY = Duration.ofMillis(50);

  private final Session session;
  private final Printer printer;
  private final LineRunner runner;
  private final ShellState shell;
  private final Checker checker = new Checker();
  private final Supplier<CheckContext> checkContext;
  private final LessonHooks hooks;
  private final Runnable save;
  private final Map<String, String> situation;
  private final HostFacts host;
  private final VerdictView view;
  private Judge judge;
  private LineMatcher matcher;

  Tutor(
      Session session,
      Printer printer,
      LineRunner runner,
      ShellState shell,
      Supplier<CheckContext> checkContext,
      LessonHooks hooks,
      Runnable save,
      Map<String, String> situation,
      HostFacts host,
      IntSupplier height) {
    this.session = session;
    this.printer = printer;
    this.runner = runner;
    this.shell = shell;
    this.checkContext = checkContext;
    this.hooks = hooks;
    this.save = save;
    this.situation = Map.copyOf(situation);
    this.host = host;
    this.view = new VerdictView(printer, height);
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

  /**
   * Built at the first line, not before the first prompt: it parses every command of the course.
   */
  private LineMatcher matcher() {
    if (matcher == null) {
      CheckContext context = checkContext.get();
      matcher =
          new LineMatcher(
              session.course(), this::fill, shell.env(), context.probeContext().runcRoot());
      judge = new Judge(session.course(), matcher, this::checkStep, host, this::fill, situation);
    }
    return matcher;
  }

  /** A shell line of the lesson as the learner would type it: built-in values filled in. */
  private String fill(String text) {
    return Placeholders.fill(text, checkContext.get().builtIns());
  }

  /** Lesson text, its code naming what the learner made ({@code alpine-bundle/config.json}). */
  private void show(Prose prose) {
    printer.markdown(prose, checkContext.get().builtIns(), session.bindings()::apply);
  }

  /** A step's check, read with the learner's names and looking in their --root. */
  private CheckReport checkStep(
      Step step, Optional<Outcome> outcome, Observations seen, Bindings bindings) {
    return checker.check(bindings.apply(step), outcome, seen, context(bindings));
  }

  private CheckContext context(Bindings bindings) {
    CheckContext context = checkContext.get();
    if (bindings.runcRoot().isEmpty()) {
      return context;
    }
    ProbeContext p = context.probeContext();
    ProbeContext theirs =
        new ProbeContext(
            p.workDir(), p.env(), bindings.runcRoot().get(), p.procRoot(), p.processes());
    return new CheckContext(
        context.workDir(), context.env(), context.builtIns(), context.probes(), theirs);
  }

  /**
   * Shows the step where the learner stands, preparing its lesson first if needed. A step the host
   * cannot do is said so, recorded as skipped and passed over to the next one.
   */
  void show() {
    show(true);
  }

  private void show(boolean passOverUnrunnable) {
    Optional<Position> position = session.position();
    if (position.isEmpty()) {
      printer.line("This course has no lessons that loaded. :lessons shows why.");
      return;
    }
    session.markSeen();
    Position p = position.get();
    if (p.stepNumber() == 1) {
      printer.blank();
      printer.heading("Lesson " + p.lesson().number() + ": " + p.lesson().title());
      if (!p.lesson().intro().isEmpty()) {
        show(p.lesson().intro());
      }
    }
    Step step = p.step();
    printer.blank();
    String done = session.isComplete(p) ? "  (done)" : "";
    printer.heading(
        "Step " + p.stepNumber() + "/" + p.lesson().steps().size() + ": " + step.title() + done);
    List<Finding> blockers = session.isComplete(p) ? List.of() : hooks.stepBlockers(step);
    if (!blockers.isEmpty()) {
      cannotRun(p, blockers);
      if (passOverUnrunnable) {
        passOver(p);
        return;
      }
      show(step.text()); // :open N STEP: the learner asked for it; the doctor may be wrong
      printer.blank();
      printer.note(
          "You can still try it: if its check passes, the step counts as done. :next moves on.");
      return;
    }
    show(step.text());
    printer.blank();
    if (step.isReading() && !step.commands().isEmpty()) {
      printer.note("This step is optional: try it if you like; :next moves on.");
    } else if (step.isReading()) {
      printer.note("Nothing to run here: :next moves on.");
    } else if (step.commands().isEmpty() && !step.edits().isEmpty()) {
      printer.note(
          "Make the edit yourself, or :run to have the shell make it and show the change. :hint"
              + " helps.");
    } else if (!step.commands().isEmpty() || !step.edits().isEmpty()) {
      printer.note("Type the command yourself, or :run to have it shown and run. :hint helps.");
    } else {
      printer.note("Do it at the prompt; the step is checked after each command. :hint helps.");
    }
  }

  /**
   * Says, from the doctor's findings on this host, why step {@code p} cannot run here, in the
   * lesson's own words too, and records it as skipped.
   */
  private void cannotRun(Position p, List<Finding> blockers) {
    List<String> why = new ArrayList<>();
    blockers.forEach(finding -> why.add(finding.title() + ": " + finding.seen()));
    String reason = String.join("; ", why);
    Optional<String> before =
        p.stepNumber() > 1
            ? session.skipReason(new Position(p.lesson(), p.stepNumber() - 1))
            : Optional.empty();
    if (before.filter(reason::equals).isPresent()) {
      // The finding and its fix are still on the screen, just above.
      printer.warning(
          "This step cannot run on this machine either, for the same reason as step "
              + (p.stepNumber() - 1)
              + ".");
    } else {
      printer.warning("This step cannot run on this machine:");
      for (Finding finding : blockers) {
        if (finding.blocks()) {
          printer.failure(finding.title() + ": " + finding.seen());
        } else {
          printer.warning(finding.title() + ": " + finding.seen());
        }
        if (!finding.fix().isBlank()) {
          printer.labelled("    fix: ", finding.fix());
        }
      }
    }
    if (!p.step().cannot().isEmpty()) {
      printer.blank();
      show(p.step().cannot());
    }
    session.skip(p, reason);
    save.run();
  }

  /** After a step the host cannot do: on to the next step, or the end of the course. */
  private void passOver(Position p) {
    if (firstNotSettled().isEmpty()) {
      printer.note("Skipped; :doctor shows the whole diagnosis.");
      courseDone();
      return;
    }
    Optional<Position> next = session.after(p);
    if (next.isEmpty()) {
      printer.note(
          "Skipped. This was the last step, but earlier steps are not done yet: :lessons shows"
              + " them.");
      return;
    }
    printer.note(
        "Skipped; on to the next step. :open "
            + p.lesson().number()
            + " "
            + p.stepNumber()
            + " shows this step anyway.");
    session.moveTo(next.get());
    save.run();
    show(true);
  }

  /** The first step with a check that is neither done nor skipped as impossible here. */
  private Optional<Position> firstNotSettled() {
    matcher();
    return judge.firstNotDone(session::isSettled);
  }

  /** Runs a shell line the learner typed, then judges it against the whole course. */
  void runLine(String line) {
    judgeAndShow(line, true);
  }

  /**
   * Runs {@code line} while watching, from outside, the steps it may be doing; then has the judge
   * decide and the view print. Returns the outcome, or empty when the line could not run.
   */
  private Optional<Outcome> judgeAndShow(String line, boolean typed) {
    Optional<Position> position = session.position();
    List<Match> matches =
        session.course().lessons().isEmpty()
            ? List.of()
            : matcher().match(line, shell.env(), shell.cwd(), session.bindings(), position);
    prepare(position, matches);
    Map<Position, Bindings> watched = watched(position, matches);
    Map<Position, Observer> observers = new LinkedHashMap<>();
    watched.forEach(
        (p, b) ->
            observers.put(
                p,
                Observer.start(
                    b.apply(p.step()).whileRunning(), () -> context(b), checker, OBSERVE_EVERY)));
    Outcome outcome;
    Map<Position, Observations> seen = new LinkedHashMap<>();
    try {
      outcome = runner.run(line, shell);
    } catch (IOException e) {
      printer.failure("could not run that line: " + e.getMessage());
      return Optional.empty();
    } finally {
      observers.forEach((p, o) -> seen.put(p, o.stop()));
    }
    boolean midLine = !outcome.output().isEmpty() && !outcome.output().endsWith("\n");
    if (typed && (midLine || outcome.interrupted())) {
      printer.blank(); // the command left the cursor mid-line (the terminal's ^C echo, a printf)
    }
    if (outcome.interrupted()) {
      printer.note("(interrupted)");
    }
    session.recordLine(outcome);
    if (position.isEmpty()) {
      return Optional.of(outcome);
    }
    record(position, matches, outcome, seen);
    LineFacts facts =
        new LineFacts(line, outcome, shell.cwd(), shell.env(), matches, seen, session.bindings());
    Verdict verdict = judge.judge(facts, session::isComplete, position);
    if (verdict instanceof Verdict.KnownMistake known) {
      session.noteMistake(
          known.mistake().pattern()); // the room may show its name, never the output
    }
    if (outcome.exitCode() == 0) {
      // The learner's names come from the step the line was meant for (and steps it completed):
      // it also has the shape of other steps' commands, whose differing words are no choice of
      // theirs (run -d ... mine in lesson 3 names its ids, not lesson 4's caps).
      Set<Position> meant = new LinkedHashSet<>();
      position.ifPresent(meant::add);
      if (verdict instanceof Verdict.Completed completed) {
        completed.credits().forEach(c -> meant.add(c.step()));
      }
      matches.stream()
          .filter(m -> meant.contains(m.position()))
          .forEach(m -> session.learn(m.bindings()));
    }
    if (verdict instanceof Verdict.Completed done) {
      // a step skipped because the host cannot do it no longer holds the course back
      Set<Position> credited = new LinkedHashSet<>();
      done.credits().forEach(c -> credited.add(c.step()));
      verdict =
          new Verdict.Completed(
              done.credits(),
              judge.firstNotDone(q -> credited.contains(q) || session.isSettled(q)),
              done.here());
    }
    if (verdict instanceof Verdict.Completed completed) {
      completed
          .credits()
          .forEach(
              c -> {
                session.complete(c.step());
                session.rememberValues(c.step(), c.report().values(), Optional.of(outcome));
              });
      save.run();
    }
    if (verdict instanceof Verdict.OtherTool other) {
      session.usedInstead(other.courseProgram(), other.program());
    }
    view.print(verdict, outcome, position);
    if (verdict instanceof Verdict.Completed completed) {
      moveOn(position.get(), completed);
    }
    return Optional.of(outcome);
  }

  /**
   * Before a line runs: the lessons it may belong to get what they need (the mirror for a pull).
   */
  private void prepare(Optional<Position> position, List<Match> matches) {
    Set<Lesson> lessons = new LinkedHashSet<>();
    position.ifPresent(p -> lessons.add(p.lesson()));
    matches.forEach(m -> lessons.add(m.position().lesson()));
    lessons.forEach(l -> hooks.beforeLesson(l, printer));
  }

  /** The steps to watch while the line runs, each with the names to read it with. */
  private Map<Position, Bindings> watched(Optional<Position> position, List<Match> matches) {
    Map<Position, Bindings> watched = new LinkedHashMap<>();
    for (Match m : matches) {
      if (m.looks()) {
        continue; // an ls of the result: nothing runs to be watched
      }
      if (!session.isComplete(m.position()) || position.filter(m.position()::equals).isPresent()) {
        watched.put(m.position(), session.bindings().with(m.bindings()));
      }
    }
    position
        .filter(p -> !session.isComplete(p) && p.step().commands().isEmpty())
        .ifPresent(p -> watched.putIfAbsent(p, session.bindings()));
    watched.keySet().removeIf(p -> p.step().whileRunning().isEmpty());
    return watched;
  }

  /**
   * Keeps the outcome for {@code :check} on the steps the line was meant for: the steps it matches,
   * and the current step when that step has no command of its own. Any other line (an {@code ls}, a
   * {@code true}) did not do a step's work, so no step's check may pass on it.
   */
  private void record(
      Optional<Position> position,
      List<Match> matches,
      Outcome outcome,
      Map<Position, Observations> seen) {
    Set<Position> meant = new LinkedHashSet<>();
    matches.forEach(m -> meant.add(m.position()));
    position
        .filter(p -> p.step().commands().isEmpty() && !p.step().isReading())
        .ifPresent(meant::add);
    for (Position p : meant) {
      session.recordOutcome(p, outcome);
      Observations s = seen.get(p);
      if (s != null) {
        session.recordObservations(p, s);
      }
    }
  }

  /**
   * After steps were completed: on the track, the learner stays on the step they finished and
   * {@code :next} moves on, as always. Off the track (the current step was not among them, and is
   * done or only reading), the position follows them to the next step not done.
   */
  private void moveOn(Position current, Verdict.Completed completed) {
    boolean here = completed.credits().stream().anyMatch(c -> c.step().equals(current));
    if (completed.next().isEmpty()) {
      courseDone();
      return;
    }
    if (here) {
      printer.note(
          "Next: :next (" + describe(session.after(current).orElse(completed.next().get())) + ")");
      return;
    }
    if (session.isSettled(current) || current.step().isReading()) {
      Position next = nextNotDone(current).orElse(completed.next().get());
      session.moveUnseen(next);
      save.run();
      printer.note("You are now at " + describe(next) + ": :next shows it.");
    }
  }

  private Optional<Position> firstNotDone() {
    return firstNotSettled();
  }

  /** The first step after {@code from} with a check and not done, in course order. */
  private Optional<Position> nextNotDone(Position from) {
    Optional<Position> p = session.after(from);
    while (p.isPresent() && (p.get().step().isReading() || session.isSettled(p.get()))) {
      p = session.after(p.get());
    }
    return p;
  }

  /** Every step with a check is done: what the learner proved, in the course's own words. */
  private void courseDone() {
    printer.blank();
    List<String> skipped = new ArrayList<>();
    for (Lesson lesson : session.course().lessons()) {
      for (Step step : lesson.steps()) {
        Position p = new Position(lesson, step.number());
        session
            .skipReason(p)
            .ifPresent(why -> skipped.add(p.label() + " (" + step.title() + "): " + why));
      }
    }
    printer.success(
        skipped.isEmpty()
            ? "That was the whole course: every step is done."
            : "That was the whole course: every step is done, except what this machine cannot"
                + " do.");
    List<Proved> proved = new ArrayList<>();
    List<String> earlier = new ArrayList<>();
    for (Lesson lesson : session.course().lessons()) {
      for (Step step : lesson.steps()) {
        Position p = new Position(lesson, step.number());
        Optional<Map<String, String>> measured = session.creditedValues(p);
        if (step.recap().isEmpty()) {
          continue;
        }
        if (measured.isEmpty()) {
          if (session.isComplete(p)) {
            earlier.add(p.label()); // done in an earlier sitting: nothing measured now to quote
          }
          continue;
        }
        Map<String, String> values = new LinkedHashMap<>(checkContext.get().builtIns());
        values.putAll(measured.get());
        proved.add(new Proved(step.recap(), values));
      }
    }
    if (!proved.isEmpty()) {
      printer.line("What you showed on this machine:");
      for (Proved item : proved) {
        printer.blank(); // one paragraph a step, as the lessons are
        printer.markdown(item.recap(), item.values());
      }
    }
    if (!skipped.isEmpty()) {
      printer.blank();
      printer.line("Skipped, because this machine cannot do it (the doctor's finding):");
      skipped.forEach(line -> printer.labelled("  skipped: ", line));
    }
    if (!earlier.isEmpty()) {
      printer.note(
          "("
              + String.join(", ", earlier)
              + ": done in an earlier sitting; what was measured then is not"
              + " kept, so it is not repeated here.)");
    }
    Optional<Position> last = lastReading();
    last.ifPresent(
        p -> {
          session.moveTo(p);
          save.run();
          show();
        });
    if (last.isEmpty()) {
      printer.note(":status shows your progress; :reset all removes what the course made.");
    }
  }

  /** A step's recap line and the values it quotes. */
  private record Proved(Prose recap, Map<String, String> values) {}

  /** The course's closing words: a reading step at the very end, if it has one. */
  private Optional<Position> lastReading() {
    List<Lesson> lessons = session.course().lessons();
    if (lessons.isEmpty()) {
      return Optional.empty();
    }
    Lesson lesson = lessons.get(lessons.size() - 1);
    Step step = lesson.steps().get(lesson.steps().size() - 1);
    return step.isReading() ? Optional.of(new Position(lesson, step.number())) : Optional.empty();
  }

  private static String describe(Position p) {
    return p.stepNumber() == 1
        ? "lesson " + p.lesson().number() + ", " + p.lesson().title()
        : "step " + p.stepNumber() + ", " + p.step().title();
  }

  /** {@code :check}: every expectation with what was expected and what was seen. */
  void check() {
    Optional<Position> position = session.position();
    if (position.isEmpty()) {
      printer.line("No lesson is open.");
      return;
    }
    Position p = position.get();
    Step step = p.step();
    if (step.isReading()) {
      printer.line("This step has nothing to check: :next moves on.");
      return;
    }
    Bindings bindings = session.bindings();
    bindings.runcRoot().ifPresent(r -> printer.note("(Looking in your --root " + r + ".)"));
    CheckReport report = checkStep(step, session.lastOutcome(p), session.observations(p), bindings);
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
        session.rememberValues(p, report.values(), session.lastOutcome(p));
        save.run();
        printer.blank();
        printer.success("Step " + p.stepNumber() + " done: " + step.title());
        view.explain(p, report);
        session
            .after(p)
            .ifPresentOrElse(
                next -> printer.note("Next: :next (" + describe(next) + ")"), this::courseDone);
      } else {
        printer.success("Step " + p.stepNumber() + " is done.");
      }
    } else {
      session
          .lastOutcome(p)
          .ifPresent(
              o -> {
                matcher();
                judge
                    .mistakeIn(p, o.output())
                    .ifPresent(
                        m -> {
                          printer.warning("Known mistake: \"" + m.pattern() + "\"");
                          printer.markdown(m.explanation(), report.values());
                        });
              });
    }
  }

  /**
   * {@code :explain}: the explanation with the values measured now; where the state changed since
   * the step was done (an edit, another --root), it says so instead of repeating the lesson.
   */
  void explain() {
    Optional<Position> position = session.position();
    if (position.isEmpty()) {
      return;
    }
    Position p = position.get();
    if (p.step().explanation().isEmpty()) {
      printer.line("This step has no explanation beyond its text. :show displays it again.");
      return;
    }
    Bindings bindings = session.bindings();
    CheckReport now =
        checkStep(p.step(), session.lastOutcome(p), session.observations(p), bindings);
    Map<String, String> values = new LinkedHashMap<>(now.values());
    Optional<Map<String, String>> then = session.creditedValues(p);
    then.ifPresent(t -> t.forEach(values::putIfAbsent));
    List<String> changed = new ArrayList<>();
    then.ifPresent(
        t ->
            t.forEach(
                (key, was) -> {
                  String is = now.values().get(key);
                  if (is != null && !is.equals(was) && !Set.of("cwd", "exit").contains(key)) {
                    changed.add(
                        key + " was " + was + " when the step was done, and is " + is + " now");
                  }
                }));
    bindings
        .runcRoot()
        .ifPresent(
            r ->
                printer.note(
                    "(You use your own --root, " + r + "; the values below were read there.)"));
    String checked = p.step().expectations() + " " + p.step().whileRunning();
    List<String> names = new ArrayList<>();
    bindings
        .names()
        .forEach(
            (lesson, theirs) -> {
              if (checked.contains(lesson)) {
                names.add(theirs + " for " + lesson);
              }
            });
    if (!names.isEmpty()) {
      printer.note("(With your names: " + String.join(", ", names) + ".)");
    }
    for (Command command : p.step().commands()) {
      String program = command.text().strip().split("\\s+")[0];
      session.usedInstead().entrySet().stream()
          .filter(e -> e.getKey().equals(program))
          .forEach(
              e ->
                  printer.note(
                      "(You used "
                          + e.getValue()
                          + " where this step uses "
                          + e.getKey()
                          + "; what follows is what "
                          + e.getKey()
                          + "'s state shows, not "
                          + e.getValue()
                          + "'s.)"));
    }
    if (!now.passed()) {
      Optional<ExpectationResult> failed = now.firstFailure();
      printer.note(
          session.isComplete(p)
              ? "(The step was done, but its check does not hold now: "
                  + failed.map(f -> f.description() + " (" + f.actual() + ")").orElse("")
                  + ". The text below describes the state when it held.)"
              : "(The step is not done yet, so some values below are not measured.)");
    }
    if (!changed.isEmpty()) {
      printer.warning(
          "The state changed since this step was done: " + String.join("; ", changed) + ".");
    }
    printer.markdown(p.step().explanation(), values, session.bindings()::apply);
  }

  /** {@code :output}: the last line's whole output, as it was before any folding. */
  void output() {
    Optional<Outcome> last = session.lastLine();
    if (last.isEmpty()) {
      printer.line("No command has run yet.");
      return;
    }
    printer.note("$ " + last.get().command() + "  (exit status " + last.get().exitCode() + ")");
    printer.text(
        last.get().output().endsWith("\n") || last.get().output().isEmpty()
            ? last.get().output()
            : last.get().output() + "\n");
  }

  /** {@code :hint}: one more hint each time. */
  void hint() {
    Optional<Position> position = session.position();
    if (position.isEmpty()) {
      return;
    }
    Position p = position.get();
    List<Prose> hints = p.step().hints();
    int n = session.nextHint(p);
    if (n <= hints.size()) {
      printer.styled("Hint " + n + "/" + hints.size() + ":", printer.style().accent());
      show(hints.get(n - 1));
    } else if (!p.step().commands().isEmpty()) {
      printer.line("No more hints. The step's command is:");
      p.step()
          .commands()
          .forEach(c -> printer.styled("    " + fill(c.text()), printer.style().code()));
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
    session.markSeen();
    hooks.beforeLesson(p.lesson(), printer);
    if (step.commands().isEmpty() && step.edits().isEmpty()) {
      printer.paragraph(
          "This step has nothing for :run to do: it is done at the prompt by you. :hint helps.");
      return;
    }
    for (JsonEdit edit : step.edits()) {
      applyEdit(edit);
    }
    if (step.commands().isEmpty()) {
      judgeEdit(p);
      return;
    }
    for (Command command : step.commands()) {
      String text = fill(command.text());
      printer.styled("$ " + text, printer.style().code());
      Optional<Outcome> outcome = judgeAndShow(text, false);
      boolean last = command == step.commands().get(step.commands().size() - 1);
      if (outcome.isEmpty() || outcome.get().exitCode() != 0 && !last) {
        outcome.ifPresent(
            o ->
                printer.failure(
                    "exit status " + o.exitCode() + "; stopping before the next command."));
        return;
      }
    }
  }

  /**
   * After {@code :run} made a step's edit: the step's own check, said the same way as for a line.
   */
  private void judgeEdit(Position p) {
    CheckReport report =
        checkStep(p.step(), Optional.empty(), Observations.none(), session.bindings());
    if (report.passed()) {
      if (session.isComplete(p)) {
        printer.success("Step " + p.stepNumber() + " is done.");
        return;
      }
      session.complete(p);
      session.rememberValues(p, report.values(), Optional.empty());
      save.run();
      Verdict.Completed completed =
          new Verdict.Completed(
              List.of(new Verdict.Credit(p, report, Observations.none(), session.bindings())),
              firstNotDone());
      view.print(completed, new Outcome(":run", 0, "", Duration.ZERO, false), Optional.of(p));
      moveOn(p, completed);
      return;
    }
    ExpectationResult failed = report.firstFailure().orElseThrow();
    printer.note(
        "Not done yet: " + VerdictView.missing(failed) + ". :check shows everything, :hint helps.");
  }

  private void applyEdit(JsonEdit template) {
    JsonEdit edit =
        new JsonEdit(template.file(), template.pointer(), fill(template.json()), template.line());
    Path file = shell.cwd().resolve(session.bindings().apply(edit.file()));
    String shown = session.bindings().apply(edit.file());
    try {
      JsonEditor.Result result = new JsonEditor().apply(edit, file);
      if (result instanceof JsonEditor.Refused refused) {
        printer.failure(
            EditRefusal.message(
                refused,
                shown,
                edit,
                session.position().orElseThrow().lesson(),
                session.course(),
                text -> session.bindings().apply(fill(text))));
        return;
      }
      JsonEditor.Applied applied = (JsonEditor.Applied) result;
      if (!applied.changed()) {
        printer.note(shown + " already has that at " + edit.pointer() + "; nothing to change.");
        return;
      }
      printer.line("Edited " + shown + " (added at " + edit.pointer() + "):");
      for (String line : applied.diff()) {
        printer.styled(
            "  " + line,
            line.startsWith("+")
                ? printer.style().success()
                : line.startsWith("-") ? printer.style().failure() : printer.style().dim());
      }
    } catch (IOException e) {
      printer.failure("could not edit " + shown + ": " + e.getMessage());
    }
  }

  /** {@code :next}: shows a step the learner's lines led to, else moves one step on. */
  void next() {
    session
        .position()
        .ifPresent(
            p -> {
              if (!session.positionSeen()) {
                show();
                return;
              }
              if (p.step().isReading() && !session.isComplete(p)) {
                session.complete(p);
              }
              if (!session.isSettled(p)) {
                printer.note(
                    "(Moving on although step "
                        + p.stepNumber()
                        + " is not done; :back returns to it.)");
              }
              Optional<Position> next = session.after(p);
              if (next.isEmpty()) {
                printer.paragraph(
                    "You are at the last step of the course. :status shows your progress.");
                save.run();
                return;
              }
              session.moveTo(next.get());
              save.run();
              show();
            });
  }

  void back() {
    session
        .position()
        .ifPresent(
            p -> {
              Optional<Position> before = session.before(p);
              if (before.isEmpty()) {
                printer.line("This is the first step of the course.");
                return;
              }
              session.moveTo(before.get());
              save.run();
              show(false); // going back to a step the host cannot do must not bounce forward
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

  /** {@code :open N STEP}: that step of the lesson, done or not, even one the host cannot do. */
  void open(Lesson lesson, int step) {
    session.moveTo(new Position(lesson, step));
    save.run();
    show(false);
  }

  void lessons() {
    for (Lesson lesson : session.course().lessons()) {
      Session.Tally tally = session.tally(lesson);
      boolean here = session.position().map(p -> p.lesson() == lesson).orElse(false);
      long skipped =
          lesson.steps().stream()
              .filter(s -> session.isSkipped(new Position(lesson, s.number())))
              .count();
      String mark =
          tally.complete()
              ? (printer.style().symbols() ? "✔" : "done")
              : tally.done()
                  + "/"
                  + tally.total()
                  + (skipped > 0 ? " (" + skipped + " skipped: this host cannot)" : "");
      printer.line(
          String.format(
              "%s %2d. %-10s %-40s %s",
              here ? ">" : " ", lesson.number(), lesson.id(), lesson.title(), mark));
    }
    for (var error : session.course().errors()) {
      printer.failure("not loaded: " + error);
    }
  }
}
