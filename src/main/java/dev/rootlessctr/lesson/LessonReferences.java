package dev.rootlessctr.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks, once and at load, what a lesson quotes and calls: every probe a check calls exists, and
 * every {@code {{name}}} can have a value where it is shown. A typo then shows as {@code file:line}
 * when the course loads, not as a gap in front of a learner.
 *
 * <p>Text shown before anything is measured (an intro, a step's text and commands, JSON edits,
 * hints, what to do when the host cannot) may quote only the built-in values. An explanation, a
 * recap and a mistake may also quote {@code {{probe.key}}} for a probe that this step's check
 * calls, with a key that probe measures.
 */
final class LessonReferences {

  private final SourceText text;
  private final ProbeCatalog probes;

  LessonReferences(SourceText text, ProbeCatalog probes) {
    this.text = text;
    this.probes = probes;
  }

  void intro(Prose intro) throws LessonException {
    builtInsOnly(intro);
  }

  void step(Step step) throws LessonException {
    List<Expectation.ProbeCall> calls = new ArrayList<>();
    for (Expectation e : step.whileRunning()) {
      probeCall(e, calls);
    }
    for (Expectation e : step.expectations()) {
      probeCall(e, calls);
    }
    builtInsOnly(step.text());
    for (Command command : step.commands()) {
      builtInsOnly(command.text(), command.line());
    }
    for (Command inside : step.inside()) {
      builtInsOnly(inside.text(), inside.line());
    }
    for (JsonEdit edit : step.edits()) {
      builtInsOnly(edit.json(), edit.line() + 1);
    }
    for (Prose hint : step.hints()) {
      builtInsOnly(hint);
    }
    builtInsOnly(step.cannot()); // shown instead of running the step: nothing is measured
    measured(step.explanation(), calls);
    measured(step.recap(), calls);
    for (Mistake mistake : step.mistakes()) {
      measured(mistake.explanation(), calls);
    }
  }

  private void probeCall(Expectation expectation, List<Expectation.ProbeCall> calls)
      throws LessonException {
    if (!(expectation instanceof Expectation.ProbeCall call)) {
      return;
    }
    if (!probes.has(call.name())) {
      throw text.error(
          call.line(),
          "no probe named '"
              + call.name()
              + "'; probes are "
              + String.join(", ", probes.valueNames().keySet()));
    }
    calls.add(call);
  }

  private void builtInsOnly(Prose prose) throws LessonException {
    for (Placeholder placeholder : prose.placeholders()) {
      builtIn(placeholder.name(), lineOf(placeholder, prose));
    }
  }

  private void builtInsOnly(String plain, int firstLine) throws LessonException {
    int line = firstLine;
    for (Placeholders.Part part : Placeholders.split(plain)) {
      if (part.placeholder()) {
        builtIn(part.text(), line);
      } else {
        line += (int) part.text().chars().filter(c -> c == '\n').count();
      }
    }
  }

  private void builtIn(String name, int line) throws LessonException {
    if (Placeholders.BUILT_IN.contains(name)) {
      return;
    }
    if (name.contains(".")) {
      throw text.error(
          line,
          "{{"
              + name
              + "}} is shown before anything is measured; only an explanation or a mistake may"
              + " quote a probe's value. Built-in values are "
              + sorted(Placeholders.BUILT_IN));
    }
    throw unknown(name, line);
  }

  private void measured(Prose prose, List<Expectation.ProbeCall> calls) throws LessonException {
    for (Placeholder placeholder : prose.placeholders()) {
      String name = placeholder.name();
      int line = lineOf(placeholder, prose);
      int dot = name.indexOf('.');
      if (dot < 0) {
        if (!Placeholders.BUILT_IN.contains(name)) {
          throw unknown(name, line);
        }
        continue;
      }
      String probe = name.substring(0, dot);
      String key = name.substring(dot + 1);
      if (calls.stream().noneMatch(call -> call.name().equals(probe))) {
        throw text.error(
            line,
            "{{" + name + "}} quotes probe '" + probe + "', which this step's check does not call");
      }
      List<String> keys = probes.declared(probe).orElse(null);
      if (keys != null && !keys.contains(key)) {
        throw text.error(
            line, "{{" + name + "}}: probe '" + probe + "' measures " + String.join(", ", keys));
      }
    }
  }

  private LessonException unknown(String name, int line) {
    return text.error(
        line,
        "unknown value {{" + name + "}}; built-in values are " + sorted(Placeholders.BUILT_IN));
  }

  private static int lineOf(Placeholder placeholder, Prose prose) {
    return placeholder.line() > 0 ? placeholder.line() : prose.line();
  }

  private static Set<String> sorted(Set<String> names) {
    return new TreeSet<>(names);
  }
}
