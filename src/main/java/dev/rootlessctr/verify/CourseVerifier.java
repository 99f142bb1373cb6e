package dev.rootlessctr.verify;

import dev.rootlessctr.check.CheckContext;
import dev.rootlessctr.check.CheckReport;
import dev.rootlessctr.check.Checker;
import dev.rootlessctr.check.ExpectationResult;
import dev.rootlessctr.check.Observations;
import dev.rootlessctr.check.Observer;
import dev.rootlessctr.check.SubidBuiltIns;
import dev.rootlessctr.edit.JsonEditor;
import dev.rootlessctr.exec.Outcome;
import dev.rootlessctr.exec.ShellState;
import dev.rootlessctr.exec.TypedLineRunner;
import dev.rootlessctr.host.Editor;
import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.lab.Lab;
import dev.rootlessctr.lesson.Command;
import dev.rootlessctr.lesson.Expectation;
import dev.rootlessctr.lesson.JsonEdit;
import dev.rootlessctr.lesson.Lesson;
import dev.rootlessctr.lesson.Placeholders;
import dev.rootlessctr.lesson.Step;
import dev.rootlessctr.probe.Probe;
import dev.rootlessctr.probe.ProbeContext;
import dev.rootlessctr.process.MemoizingProcessRunner;
import dev.rootlessctr.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Does what {@code :run} does for every step of a course, in order, and checks each step as the
 * shell would after it: the same built-in values, probes, "while it runs" look from outside and
 * {@link Checker}. A reading step (nothing to check) is skipped, its commands not run, and so is a
 * step whose own needs the host diagnosis finds unmet.
 */
final class CourseVerifier {

  private static final Duration OBSERVE_EVERY = Duration.ofMillis(50);

  /** Before a lesson's first command: wiring it needs (the mirror), or a reason it cannot run. */
  interface Preparation {
    Optional<String> before(Lesson lesson, ShellState state);
  }

  private final Lab lab;
  private final HostUser user;
  private final ShellState state;
  private final TypedLineRunner runner;
  private final Map<String, Probe> probes;
  private final ProcessRunner processes;
  private final Preparation preparation;
  private final StepGate gate;
  private final Checker checker = new Checker();

  /**
   * Whether a step's own needs are met on this host: empty when they are, else why not, from the
   * host diagnosis. Such a step is skipped, as the shell skips it.
   */
  interface StepGate {
    Optional<String> cannot(Step step);

    StepGate OPEN = step -> Optional.empty();
  }

  CourseVerifier(
      Lab lab,
      HostUser user,
      ShellState state,
      TypedLineRunner runner,
      Map<String, Probe> probes,
      ProcessRunner processes,
      Preparation preparation,
      StepGate gate) {
    this.gate = gate;
    this.lab = lab;
    this.user = user;
    this.state = state;
    this.runner = runner;
    this.probes = probes;
    this.processes = processes;
    this.preparation = preparation;
  }

  /**
   * Verifies every step of {@code lessons}; each result goes to {@code done} as soon as it is
   * known.
   */
  List<StepResult> verify(List<Lesson> lessons, Consumer<StepResult> done) {
    List<StepResult> results = new ArrayList<>();
    for (Lesson lesson : lessons) {
      Optional<String> blocked = preparation.before(lesson, state);
      for (Step step : lesson.steps()) {
        StepResult result =
            blocked.isPresent()
                ? result(
                    results.size() + 1,
                    lesson,
                    step,
                    StepResult.Verdict.FAILED,
                    Duration.ZERO,
                    List.of(blocked.get()),
                    "")
                : verify(results.size() + 1, lesson, step);
        results.add(result);
        done.accept(result);
      }
    }
    return results;
  }

  private StepResult skipped(int number, Lesson lesson, Step step, String why) {
    return result(
        number, lesson, step, StepResult.Verdict.SKIPPED, Duration.ZERO, List.of(why), "");
  }

  private StepResult verify(int number, Lesson lesson, Step step) {
    if (step.isReading()) {
      return skipped(
          number, lesson, step, "a reading step: nothing to check, its commands are optional");
    }
    Optional<String> cannot = gate.cannot(step);
    if (cannot.isPresent()) {
      return skipped(number, lesson, step, cannot.get());
    }
    long start = System.nanoTime();
    StringBuilder printed = new StringBuilder();
    List<String> problems = new ArrayList<>();
    Map<String, String> builtIns = context().builtIns();
    for (JsonEdit template : step.edits()) {
      JsonEdit edit =
          new JsonEdit(
              template.file(),
              template.pointer(),
              Placeholders.fill(template.json(), builtIns),
              template.line());
      try {
        if (new JsonEditor().apply(edit, state.cwd().resolve(edit.file()))
            instanceof JsonEditor.Refused refused) {
          problems.add("could not edit: " + refused.message());
        }
      } catch (IOException e) {
        problems.add("could not edit " + edit.file() + ": " + e.getMessage());
      }
    }
    Outcome last = new Outcome(":run", 0, "", Duration.ZERO, false);
    Observations seen = Observations.none();
    for (Command command : step.commands()) {
      String line = Placeholders.fill(command.text(), builtIns);
      List<String> typed =
          command.input().stream().map(t -> Placeholders.fill(t, builtIns)).toList();
      printed.append("$ ").append(line).append('\n');
      Observer observer =
          Observer.start(step.whileRunning(), this::context, checker, OBSERVE_EVERY);
      try {
        last = runner.run(line, typed, state, observer::sawAll);
      } catch (IOException e) {
        problems.add("could not run " + line + ": " + e.getMessage());
        break;
      } finally {
        seen = merged(seen, observer.stop());
      }
      printed.append(last.output());
      if (!last.output().endsWith("\n")) {
        printed.append('\n');
      }
      if (last.exitCode() != 0 && command != step.commands().get(step.commands().size() - 1)) {
        problems.add(
            "'"
                + line
                + "' exited with status "
                + last.exitCode()
                + "; the step's later commands did not run");
        break;
      }
    }
    CheckReport report = checker.check(step, Optional.of(last), seen, context());
    for (ExpectationResult failed : report.results()) {
      if (!failed.passed()) {
        problems.add(
            failed.description() + ": expected " + failed.expected() + ", saw " + failed.actual());
      }
    }
    StepResult.Verdict verdict =
        problems.isEmpty() ? StepResult.Verdict.PASSED : StepResult.Verdict.FAILED;
    return result(
        number,
        lesson,
        step,
        verdict,
        Duration.ofNanos(System.nanoTime() - start),
        problems,
        printed.toString());
  }

  /**
   * What the outside look saw over all of a step's commands: an expectation that held while one of
   * them ran (the container's) stays held when a later one (a plain {@code ls}) sees nothing.
   */
  private static Observations merged(Observations before, Observations now) {
    Map<Expectation, ExpectationResult> results = new LinkedHashMap<>(before.results());
    now.results()
        .forEach(
            (expectation, result) -> {
              ExpectationResult earlier = results.get(expectation);
              if (earlier == null || !earlier.passed()) {
                results.put(expectation, result);
              }
            });
    Map<String, String> values = new LinkedHashMap<>(now.values());
    values.putAll(before.values());
    return new Observations(results, values);
  }

  private static StepResult result(
      int number,
      Lesson lesson,
      Step step,
      StepResult.Verdict verdict,
      Duration time,
      List<String> reasons,
      String output) {
    return new StepResult(
        number, lesson.id(), step.number(), step.title(), verdict, time, reasons, output);
  }

  /** What the check sees now: the same built-in values and probe context the shell gives it. */
  private CheckContext context() {
    Map<String, String> builtIns = new LinkedHashMap<>();
    builtIns.put("user", user.name());
    builtIns.put("uid", String.valueOf(user.uid()));
    builtIns.put("gid", String.valueOf(user.gid()));
    builtIns.put("home", user.home().toString());
    builtIns.put("lab", lab.dir().toString());
    builtIns.put("runc_root", lab.runcRoot().toString());
    builtIns.put("cwd", state.cwd().toString());
    builtIns.put("editor", Editor.find(state.env()).map(Editor::command).orElse("busybox vi"));
    builtIns.putAll(SubidBuiltIns.of(user.name(), user.uid()));
    ProbeContext probeContext =
        new ProbeContext(
            state.cwd(),
            state.env(),
            lab.runcRoot(),
            Path.of("/proc"),
            new MemoizingProcessRunner(processes));
    return new CheckContext(state.cwd(), state.env(), builtIns, probes, probeContext);
  }
}
