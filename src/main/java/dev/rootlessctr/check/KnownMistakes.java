package dev.rootlessctr.check;

import dev.rootlessctr.lesson.Course;
import dev.rootlessctr.lesson.Expectation;
import dev.rootlessctr.lesson.Lesson;
import dev.rootlessctr.lesson.Mistake;
import dev.rootlessctr.lesson.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which of the course's known mistakes a command's output shows, if any. */
public final class KnownMistakes {

  private KnownMistakes() {}

  /**
   * The known mistake whose text is in {@code output}: the first in this step's list, else in the
   * rest of the lesson's, then in the earlier lessons', nearest first, then the later ones'
   * (lessons 5 and 6 run the same runc command as lesson 4 and meet the same errors). One, because
   * one error line often holds two patterns (oci-image-tool's "autodetection failed: ... stat
   * busybox: no such file") and two explanations of one cause read as two problems; lessons list
   * the most specific pattern first. A mistake whose text this step expects as its outcome is never
   * it.
   */
  public static Optional<Mistake> in(Course course, Lesson lesson, Step step, String output) {
    for (Step candidate : searchOrder(course, lesson, step)) {
      for (Mistake mistake : candidate.mistakes()) {
        if (output.contains(mistake.pattern()) && !expected(step, mistake)) {
          return Optional.of(mistake);
        }
      }
    }
    return Optional.empty();
  }

  private static List<Step> searchOrder(Course course, Lesson lesson, Step step) {
    List<Step> order = new ArrayList<>();
    order.add(step);
    lesson.steps().stream().filter(s -> s != step).forEach(order::add);
    List<Lesson> lessons = course.lessons();
    int here = lessons.indexOf(lesson);
    for (int i = here - 1; i >= 0; i--) {
      order.addAll(lessons.get(i).steps());
    }
    for (int i = here + 1; i < lessons.size(); i++) {
      order.addAll(lessons.get(i).steps());
    }
    return order;
  }

  /** Lesson 5's "Read-only file system" is the lesson, though lesson 6 lists it as a mistake. */
  private static boolean expected(Step step, Mistake mistake) {
    return step.expectations().stream()
        .anyMatch(
            e ->
                e instanceof Expectation.OutputContains contains
                    && !contains.negated()
                    && (contains.text().contains(mistake.pattern())
                        || mistake.pattern().contains(contains.text())));
  }
}
