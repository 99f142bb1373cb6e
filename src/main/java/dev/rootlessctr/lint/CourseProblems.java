package dev.rootlessctr.lint;

import dev.rootlessctr.lesson.Course;
import dev.rootlessctr.lesson.LessonError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every problem of a loaded course, in file order: the lessons that did not load (a course loaded
 * with the shell's probe catalog has its probe calls and quotes checked too). The shell and {@code
 * lint} both ask here, so they never disagree.
 */
public final class CourseProblems {

  private CourseProblems() {}

  public static List<LessonError> of(Course course) {
    List<LessonError> all = new ArrayList<>(course.errors());
    all.sort(
        Comparator.comparing((LessonError e) -> String.valueOf(e.file()))
            .thenComparingInt(LessonError::line)
            .thenComparingInt(LessonError::column));
    return all;
  }
}
