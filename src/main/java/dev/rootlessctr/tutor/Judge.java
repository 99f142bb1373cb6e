package dev.rootlessctr.tutor;

import dev.rootlessctr.check.CheckReport;
import dev.rootlessctr.check.Observations;
import dev.rootlessctr.lesson.Course;
import dev.rootlessctr.lesson.Expectation;
import dev.rootlessctr.lesson.Lesson;
import dev.rootlessctr.lesson.Mistake;
import dev.rootlessctr.lesson.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what a line did, against the whole course: which steps it completed (in any order, with
 * the learner's own names and {@code --root}), or else the one thing worth saying about it. It
 * prints nothing; see {@link Verdict}.
 */
public final class Judge {

  private static final Pattern NOT_FOUND =
      Pattern.compile("(?m)(?:^|: )([^\\s:]+): command not found");
  private static final Pattern NOT_FOUND_INSIDE =
      Pattern.compile("(?m)\\bsh: ([^\\s:]+): not found");

  private final Course course;
  private final LineMatcher matcher;
  private final StepChecks checks;
  private final HostFacts host;
  private final UnaryOperator<String> fill;
  private final Map<String, String> situation;

  /**
   * @param fill a lesson command as the learner would type it (built-in values filled in)
   * @param situation what mistakes may depend on, e.g. {@code registry -> offline}
   */
  public Judge(
      Course course,
      LineMatcher matcher,
      StepChecks checks,
      HostFacts host,
      UnaryOperator<String> fill,
      Map<String, String> situation) {
    this.course = course;
    this.matcher = matcher;
    this.checks = checks;
    this.host = host;
    this.fill = fill;
    this.situation = Map.copyOf(situation);
  }

  /** Judges a line that ran; {@code done} tells the steps completed before it. */
  public Verdict judge(LineFacts line, Predicate<Position> done, Optional<Position> current) {
    Bindings merged = line.known();
    for (Match m : line.matches()) {
      merged = merged.with(m.bindings());
    }
    Bindings known = merged;
    Map<Position, CheckReport> reports = new LinkedHashMap<>();
    List<Verdict.Credit> credits = credits(line, done, current, known, reports);
    if (!credits.isEmpty()) {
      Set<Position> now = new HashSet<>();
      credits.forEach(c -> now.add(c.step()));
      return new Verdict.Completed(
          credits, firstNotDone(done.or(now::contains)), stillHere(line, current, now, reports));
    }
    int exit = line.outcome().exitCode();
    if (line.outcome().interrupted()) {
      return new Verdict.Quiet(); // the shell already says it was interrupted
    }
    Optional<Verdict> notFound = exit == 127 ? notFound(line) : Optional.empty();
    if (notFound.isPresent()) {
      return notFound.get();
    }
    Optional<Verdict> side = wrongSide(line, known);
    if (side.isPresent()) {
      return side.get();
    }
    Optional<Verdict> other = otherTool(line, current);
    if (other.isPresent()) {
      return other.get();
    }
    if (exit != 0) {
      Optional<Verdict> foreign = foreignStateDir(line);
      if (foreign.isPresent()) {
        return foreign.get();
      }
      Optional<UsageError> usage = UsageError.in(line.outcome().output());
      if (usage.isPresent()) {
        return wrongUsage(line, usage.get(), current);
      }
    }
    Optional<Verdict> mistake = mistake(line, done, current, known, reports);
    if (mistake.isPresent()) {
      return mistake.get();
    }
    Optional<Match> attempt = attempt(line, done, current);
    if (attempt.isPresent()) {
      Match m = attempt.get();
      Step step = m.position().step();
      if (!m.isLastCommand() && exit == 0) {
        String next = known.apply(fill.apply(step.commands().get(m.command() + 1).text()));
        return new Verdict.NextCommand(m.position(), next);
      }
      CheckReport report = reports.get(m.position());
      if (report != null && exit == 0 || report != null && m.isLastCommand()) {
        return report
            .firstFailure()
            .<Verdict>map(f -> new Verdict.NotYet(m.position(), f, line.seen(m.position()), known))
            .orElse(new Verdict.Quiet());
      }
    }
    if (exit != 0) {
      List<List<String>> commands = ShellWords.commands(line.line(), line.env());
      // The status is the last command's, so that is the one that failed.
      String program =
          commands.isEmpty()
              ? line.line().strip()
              : CommandShape.programName(commands.get(commands.size() - 1).get(0));
      return new Verdict.Unsure(
          program,
          exit,
          lastLine(line.outcome().output()),
          matcher.hostPrograms().contains(program));
    }
    return new Verdict.Quiet();
  }

  /**
   * What the current step still lacks, when the line did its last command but only other steps were
   * completed by it: said, so that the learner does not stay there without knowing why.
   */
  private static Optional<Verdict.NotYet> stillHere(
      LineFacts line,
      Optional<Position> current,
      Set<Position> credited,
      Map<Position, CheckReport> reports) {
    if (current.isEmpty() || credited.contains(current.get())) {
      return Optional.empty();
    }
    Position p = current.get();
    Optional<Match> mine =
        line.matches().stream()
            .filter(m -> m.position().equals(p) && m.isLastCommand() && !m.looks())
            .reduce((first, second) -> second);
    CheckReport report = reports.get(p);
    if (mine.isEmpty() || report == null) {
      return Optional.empty();
    }
    Bindings used = line.known().with(mine.get().bindings());
    return report.firstFailure().map(failed -> new Verdict.NotYet(p, failed, line.seen(p), used));
  }

  /** The steps the line completed, in course order. */
  private List<Verdict.Credit> credits(
      LineFacts line,
      Predicate<Position> done,
      Optional<Position> current,
      Bindings known,
      Map<Position, CheckReport> reports) {
    List<Verdict.Credit> credits = new ArrayList<>();
    // A line that prepares the current step (one of its commands before the last) is that step's:
    // the capabilities lesson deletes `caps` to run it again with a new spec, and its last step
    // deletes `caps` for good; the first is not the second done early.
    boolean preparing =
        current.isPresent()
            && line.matches().stream()
                .anyMatch(m -> m.position().equals(current.get()) && !m.isLastCommand());
    for (Lesson lesson : course.lessons()) {
      for (Step step : lesson.steps()) {
        Position p = new Position(lesson, step.number());
        if (step.isReading()) {
          continue;
        }
        List<Match> mine = line.matches().stream().filter(m -> m.position().equals(p)).toList();
        if (preparing && !mine.isEmpty() && !p.equals(current.get())) {
          continue;
        }
        CheckReport report = null;
        Bindings used = known;
        if (!mine.isEmpty()) {
          used = line.known().with(mine.get(mine.size() - 1).bindings());
          report = checks.check(step, Optional.of(line.outcome()), line.seen(p), used);
          reports.put(p, report);
        } else if (done.test(p)) {
          continue;
        } else if (step.commands().isEmpty() && isStateOnly(step)) {
          report = checks.check(step, Optional.empty(), Observations.none(), known);
        } else if (step.commands().isEmpty() && current.filter(p::equals).isPresent()) {
          report = checks.check(step, Optional.of(line.outcome()), line.seen(p), known);
        }
        if (report != null && report.passed() && !done.test(p)) {
          credits.add(new Verdict.Credit(p, report, line.seen(p), used));
        }
      }
    }
    return credits;
  }

  /**
   * A step with no command of its own, checked only on the state it leaves (an edit to
   * config.json): whatever line made the state true completes it. At least one expectation must
   * look for something that exists, so a step is never done by doing nothing.
   */
  private static boolean isStateOnly(Step step) {
    boolean anyOutput =
        step.expectations().stream()
            .anyMatch(
                e ->
                    e instanceof Expectation.ExitStatus
                        || e instanceof Expectation.OutputContains
                        || e instanceof Expectation.OutputMatches);
    boolean positive =
        step.expectations().stream()
            .anyMatch(
                e ->
                    e instanceof Expectation.ProbeCall
                        || e instanceof Expectation.JsonValue
                        || e instanceof Expectation.PathState path
                            && path.kind() != Expectation.PathState.Kind.MISSING);
    return !anyOutput && positive && step.whileRunning().isEmpty();
  }

  /** The first step with a check that is not done, in course order. */
  public Optional<Position> firstNotDone(Predicate<Position> done) {
    for (Lesson lesson : course.lessons()) {
      for (Step step : lesson.steps()) {
        Position p = new Position(lesson, step.number());
        if (!step.isReading() && !done.test(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The step the line was meant for: the current step if it matched, else the first matched step
   * not done.
   */
  private static Optional<Match> attempt(
      LineFacts line, Predicate<Position> done, Optional<Position> current) {
    Optional<Match> here =
        line.matches().stream()
            .filter(m -> current.filter(m.position()::equals).isPresent())
            .reduce((a, b) -> b);
    if (here.isPresent()) {
      // Meant for the step the learner is at: repeating a done step is no attempt at another.
      return here.filter(m -> !done.test(m.position()));
    }
    return line.matches().stream()
        .filter(m -> m.strong() && !m.looks() && !done.test(m.position()))
        .findFirst();
  }

  private Optional<Verdict> notFound(LineFacts line) {
    Matcher m = NOT_FOUND.matcher(line.outcome().output());
    if (!m.find()) {
      return Optional.empty();
    }
    String typed = m.group(1);
    Set<String> known = new HashSet<>(matcher.hostPrograms());
    known.addAll(matcher.insidePrograms());
    Optional<String> suggestion = Spelling.closest(typed, known);
    Optional<String> corrected =
        suggestion.map(
            s ->
                line.line()
                    .strip()
                    .replaceFirst(Pattern.quote(typed), Matcher.quoteReplacement(s)));
    return Optional.of(new Verdict.NotFound(typed, suggestion, corrected));
  }

  /** A container line typed here, or a host command typed inside the container. */
  private Optional<Verdict> wrongSide(LineFacts line, Bindings known) {
    String typed = normal(line.line());
    if (line.matches().isEmpty()) {
      for (Lesson lesson : course.lessons()) {
        for (Step step : lesson.steps()) {
          boolean inside =
              step.inside().stream()
                  .anyMatch(c -> normal(known.apply(fill.apply(c.text()))).equals(typed));
          if (inside) {
            Position p = new Position(lesson, step.number());
            Optional<String> start =
                step.commands().stream().findFirst().map(c -> known.apply(fill.apply(c.text())));
            return Optional.of(
                new Verdict.WrongSide(
                    line.line().strip(), Verdict.Side.HOST, Optional.of(p), start));
          }
        }
      }
      return Optional.empty();
    }
    boolean startsContainer =
        line.matches().stream()
            .anyMatch(m -> !m.position().step().inside().isEmpty() && m.command() == 0);
    if (startsContainer) {
      Matcher m = NOT_FOUND_INSIDE.matcher(line.outcome().output());
      while (m.find()) {
        if (matcher.hostPrograms().contains(m.group(1))) {
          return Optional.of(
              new Verdict.WrongSide(
                  m.group(1), Verdict.Side.CONTAINER, Optional.empty(), Optional.empty()));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A tool the course does not use, doing a step's work its own way: {@code crun run} where the
   * lesson has {@code runc run}, {@code umoci unpack} for {@code oci-image-tool unpack}. Told by
   * the subcommand, since the course names no alternatives.
   */
  private Optional<Verdict> otherTool(LineFacts line, Optional<Position> current) {
    if (!line.matches().isEmpty()) {
      return Optional.empty();
    }
    for (List<String> words : ShellWords.commands(line.line(), line.env())) {
      CommandShape typed = matcher.shape(words);
      if (matcher.hostPrograms().contains(typed.program())) {
        continue;
      }
      String sub = typed.positionals().isEmpty() ? "" : typed.positionals().get(0);
      for (String program : matcher.hostPrograms()) {
        if (!sub.isEmpty() && matcher.subcommands(program).contains(sub)) {
          List<Position> steps = matcher.stepsUsing(program, sub);
          Optional<Position> step =
              steps.stream()
                  .filter(p -> current.filter(p::equals).isPresent())
                  .findFirst()
                  .or(() -> steps.stream().findFirst());
          return Optional.of(
              new Verdict.OtherTool(
                  typed.program(),
                  program,
                  sub,
                  step,
                  line.outcome().exitCode(),
                  lastLine(line.outcome().output())));
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Verdict> foreignStateDir(LineFacts line) {
    for (List<String> words : ShellWords.commands(line.line(), line.env())) {
      CommandShape shape = matcher.shape(words);
      for (String option : matcher.stateDirOptions(shape.program())) {
        String value = shape.allOptions().get(option);
        if (value == null || value.isEmpty()) {
          continue;
        }
        Path dir = line.cwd().resolve(value).normalize();
        Optional<String> owner = host.foreignOwner(dir);
        if (owner.isPresent()) {
          return Optional.of(new Verdict.ForeignStateDir(dir, owner.get(), matcher.runcRoot()));
        }
      }
    }
    return Optional.empty();
  }

  private Verdict wrongUsage(LineFacts line, UsageError error, Optional<Position> current) {
    List<List<String>> commands = ShellWords.commands(line.line(), line.env());
    String program = commands.isEmpty() ? "" : CommandShape.programName(commands.get(0).get(0));
    Optional<String> corrected =
        commands.isEmpty()
            ? Optional.empty()
            : new Corrections(matcher, fill, host)
                .correct(line.line(), commands.get(0), error, current);
    return new Verdict.WrongUsage(program, error, corrected);
  }

  /**
   * The course's known mistake in the output, looked up in the context of the step the line was
   * meant for: that step's own list first, then its lesson's. A line that matches no step is judged
   * in the current step's context only when the current step uses the same program.
   */
  private Optional<Verdict> mistake(
      LineFacts line,
      Predicate<Position> done,
      Optional<Position> current,
      Bindings known,
      Map<Position, CheckReport> reports) {
    List<Position> contexts = new ArrayList<>();
    boolean here =
        current
            .filter(
                c -> line.matches().stream().anyMatch(m -> m.position().equals(c) && !m.looks()))
            .isPresent();
    if (here) {
      contexts.add(current.get()); // the step the learner is at is the one the line was meant for
    } else {
      // Else the steps it can be, the ones not done yet first: lesson 5's expected EROFS is
      // no mistake of lesson 6 for a learner who is at lesson 5.
      // The current lesson's own steps come first (a runc run typed at the edit step belongs to
      // the next step of that lesson), then those not done, nearest to the learner first.
      int here0 = current.map(this::index).orElse(0);
      line.matches().stream()
          .filter(m -> m.strong() && !m.looks())
          .map(Match::position)
          .distinct()
          .sorted(
              java.util.Comparator.comparing(
                      (Position p) -> current.filter(c -> c.lesson() == p.lesson()).isEmpty())
                  .thenComparing(done::test)
                  .thenComparing(p -> Math.abs(index(p) - here0)))
          .forEach(contexts::add);
    }
    if (contexts.isEmpty() && current.isPresent() && current.get().step().commands().isEmpty()) {
      contexts.add(
          current.get()); // a step done at the prompt by any means: its mistakes may show anywhere
    }
    String output = line.outcome().output();
    for (Position context : contexts) {
      Optional<Mistake> mistake = mistakeIn(context, output);
      if (mistake.isPresent()) {
        CheckReport report = reports.get(context);
        if (report == null) {
          report =
              checks.check(context.step(), Optional.of(line.outcome()), line.seen(context), known);
        }
        return Optional.of(
            new Verdict.KnownMistake(context, mistake.get(), report.values(), line.seen(context)));
      }
    }
    return Optional.empty();
  }

  /**
   * The known mistake {@code output} shows in the context of the step at {@code context}: its own
   * list first, then its lesson's; only one that is true in the learner's situation, and never the
   * text the step itself expects.
   */
  public Optional<Mistake> mistakeIn(Position context, String output) {
    List<Step> order = new ArrayList<>();
    order.add(context.step());
    context.lesson().steps().stream().filter(s -> s != context.step()).forEach(order::add);
    for (Step step : order) {
      for (Mistake mistake : step.mistakes()) {
        if (output.contains(mistake.pattern())
            && mistake.fits(situation)
            && !expected(context.step(), mistake)) {
          return Optional.of(mistake);
        }
      }
    }
    return Optional.empty();
  }

  /** Where {@code p} stands in the course, counting steps. */
  private int index(Position p) {
    int i = 0;
    for (Lesson lesson : course.lessons()) {
      if (lesson == p.lesson()) {
        return i + p.stepNumber();
      }
      i += lesson.steps().size();
    }
    return i;
  }

  /** Lesson 5's "Read-only file system" is its lesson, though lesson 6 lists it as a mistake. */
  private static boolean expected(Step step, Mistake mistake) {
    return step.expectations().stream()
        .anyMatch(
            e ->
                e instanceof Expectation.OutputContains contains
                    && !contains.negated()
                    && (contains.text().contains(mistake.pattern())
                        || mistake.pattern().contains(contains.text())));
  }

  private static String normal(String line) {
    return line.strip().replaceAll("\\s+", " ");
  }

  static String lastLine(String output) {
    String[] lines = output.strip().split("\n");
    for (int i = lines.length - 1; i >= 0; i--) {
      if (!lines[i].isBlank()) {
        return lines[i].strip();
      }
    }
    return "";
  }
}
