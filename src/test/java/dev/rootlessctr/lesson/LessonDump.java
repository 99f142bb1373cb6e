package dev.rootlessctr.lesson;

import java.util.stream.Collectors;

/** A stable text form of a parsed lesson, for golden files. */
final class LessonDump {

  private LessonDump() {}

  static String dump(Lesson lesson) {
    StringBuilder out = new StringBuilder();
    out.append("lesson ").append(lesson.number()).append(' ').append(lesson.id()).append(": ").append(lesson.title()).append('\n');
    out.append("needs: ").append(lesson.needs().stream().sorted().collect(Collectors.joining(" "))).append('\n');
    lesson.cleanup().forEach(c -> out.append("cleanup: ").append(c).append('\n'));
    out.append("intro:\n").append(indent(lesson.intro()));
    for (Step step : lesson.steps()) {
      out.append("\nstep ").append(step.number()).append(" (line ").append(step.line()).append("): ").append(step.title()).append('\n');
      out.append("  text:\n").append(indent(step.text()));
      step.commands().forEach(c -> {
        out.append("  command (line ").append(c.line()).append("): ").append(c.text()).append('\n');
        c.input().forEach(typed -> out.append("    typed into it: ").append(typed).append('\n'));
      });
      step.edits().forEach(e -> out.append("  edit (line ").append(e.line()).append("): ").append(e.file()).append(' ').append(e.pointer()).append('\n'));
      step.whileRunning().forEach(e -> out.append("  while it runs: ").append(describe(e)).append('\n'));
      step.expectations().forEach(e -> out.append("  expect: ").append(describe(e)).append('\n'));
      out.append("  explain:\n").append(indent(step.explanation()));
      step.hints().forEach(h -> out.append("  hint:\n").append(indent(h)));
      step.mistakes().forEach(m -> out.append("  mistake `").append(m.pattern()).append("`:\n").append(indent(m.explanation())));
    }
    return out.toString();
  }

  private static String describe(Expectation e) {
    if (e instanceof Expectation.OutputMatches m) {
      return "OutputMatches[pattern=" + m.pattern().pattern() + ", line=" + m.line() + "]";
    }
    return e.toString();
  }

  private static String indent(String text) {
    if (text.isBlank()) {
      return "";
    }
    return text.lines().map(l -> "    | " + l).collect(Collectors.joining("\n")) + "\n";
  }
}
