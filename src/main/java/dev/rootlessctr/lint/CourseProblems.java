package dev.rootlessctr.lint;

import dev.rootlessctr.check.ProbeReferences;
import dev.rootlessctr.lesson.Course;
import dev.rootlessctr.lesson.Lesson;
import dev.rootlessctr.lesson.LessonError;
import dev.rootlessctr.probe.Probe;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Every problem of a loaded course: the lessons that did not load, and the probe references of
 * those that did. The shell and {@code lint} both ask here, so they never disagree.
 */
public final class CourseProblems {

  private CourseProblems() {}

  public static List<LessonError> of(Course course, Map<String, Probe> probes) {
    List<LessonError> all = new ArrayList<>(course.errors());
    for (Lesson lesson : course.lessons()) {
      all.addAll(ProbeReferences.check(lesson, probes));
    }
    all.sort(
        Comparator.comparing((LessonError e) -> String.valueOf(e.file()))
            .thenComparingInt(LessonError::line)
            .thenComparingInt(LessonError::column));
    return all;
  }
}
