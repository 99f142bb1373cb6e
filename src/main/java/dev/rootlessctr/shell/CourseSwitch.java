package dev.rootlessctr.shell;

import dev.rootlessctr.lesson.Course;
import dev.rootlessctr.lesson.CourseShelf;
import java.util.Optional;

/**
 * The learner asked {@code :open} for another course: the shell ends its sitting in this one (as at
 * {@code :quit}, but the lab and the mirror stay) and the launcher starts it again on that course.
 *
 * @param entry the course, as the catalog lists it
 * @param course its lessons, loaded when the switch was decided
 * @param lesson the lesson asked for ({@code deeper/lifecycle}), or empty for the first unfinished
 * @param step the step asked for, or empty
 * @param from the name of the course left, for the way back
 */
record CourseSwitch(
    CourseShelf.Entry entry,
    Course course,
    Optional<String> lesson,
    Optional<String> step,
    String from) {}
