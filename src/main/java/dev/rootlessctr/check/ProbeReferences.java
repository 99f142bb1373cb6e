package dev.rootlessctr.check;

import dev.rootlessctr.lesson.Expectation;
import dev.rootlessctr.lesson.Lesson;
import dev.rootlessctr.lesson.LessonError;
import dev.rootlessctr.lesson.Step;
import dev.rootlessctr.probe.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a lesson against the probes this shell has: every probe a check calls exists, and every
 * {@code {{probe.key}}} an explanation quotes is a value that probe measures. A typo in a lesson
 * then shows when it loads, not as a blank in front of a learner.
 */
public final class ProbeReferences {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([\\w-]+)\\.([\\w-]+)\\s*}}");

  private ProbeReferences() {}

  public static List<LessonError> check(Lesson lesson, Map<String, Probe> probes) {
    List<LessonError> errors = new ArrayList<>();
    for (Step step : lesson.steps()) {
      Stream.concat(step.expectations().stream(), step.whileRunning().stream())
          .filter(e -> e instanceof Expectation.ProbeCall)
          .map(e -> (Expectation.ProbeCall) e)
          .filter(call -> !probes.containsKey(call.name()))
          .forEach(call -> errors.add(new LessonError(lesson.file(), call.line(), "no probe named '" + call.name() + "'; probes are " + String.join(", ", probes.keySet().stream().sorted().toList()))));
      Matcher matcher = PLACEHOLDER.matcher(step.explanation());
      while (matcher.find()) {
        Probe probe = probes.get(matcher.group(1));
        if (probe != null && !probe.valueNames().isEmpty() && !probe.valueNames().contains(matcher.group(2))) {
          errors.add(new LessonError(lesson.file(), step.line(), "{{" + matcher.group(1) + "." + matcher.group(2) + "}}: probe '" + matcher.group(1) + "' measures " + String.join(", ", probe.valueNames())));
        }
      }
    }
    return errors;
  }
}
