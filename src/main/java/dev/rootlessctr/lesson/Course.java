package dev.rootlessctr.lesson;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** An ordered folder of lessons, with the errors of the lesson files that could not be loaded. */
public record Course(String name, Path dir, List<Lesson> lessons, List<LessonError> errors) {

  public Course {
    lessons = List.copyOf(lessons);
    errors = List.copyOf(errors);
  }

  /** Finds a lesson by its number (1-based), its id ({@code pull}) or its file stem ({@code 01-pull}). */
  public Optional<Lesson> find(String key) {
    String wanted = key.trim();
    for (Lesson lesson : lessons) {
      if (String.valueOf(lesson.number()).equals(wanted)
          || lesson.id().equalsIgnoreCase(wanted)
          || lesson.fileStem().equalsIgnoreCase(wanted)) {
        return Optional.of(lesson);
      }
    }
    return Optional.empty();
  }
}
