package dev.rootlessctr.lesson;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An ordered folder of lessons, with the errors of the lesson files that could not be loaded.
 *
 * @param unloaded the lesson files that did not load, each at the number it would have had, so that
 *     {@code :open 3} can say why lesson 3 is missing
 */
public record Course(
    String name,
    Path dir,
    List<Lesson> lessons,
    List<LessonError> errors,
    List<Unloaded> unloaded) {

  /** A lesson file that did not load, and why. */
  public record Unloaded(int number, String fileStem, List<LessonError> errors) {
    public Unloaded {
      errors = List.copyOf(errors);
    }
  }

  public Course {
    lessons = List.copyOf(lessons);
    errors = List.copyOf(errors);
    unloaded = List.copyOf(unloaded);
  }

  public Course(String name, Path dir, List<Lesson> lessons, List<LessonError> errors) {
    this(name, dir, lessons, errors, List.of());
  }

  /**
   * Finds a lesson by its number (1-based), its id ({@code pull}) or its file stem ({@code
   * 01-pull}).
   */
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

  /** The lesson file {@code key} names (number, id or file stem) if it did not load. */
  public Optional<Unloaded> findUnloaded(String key) {
    String wanted = key.trim();
    for (Unloaded broken : unloaded) {
      if (String.valueOf(broken.number()).equals(wanted)
          || broken.fileStem().equalsIgnoreCase(wanted)
          || broken.fileStem().replaceFirst("^\\d+[-_]", "").equalsIgnoreCase(wanted)) {
        return Optional.of(broken);
      }
    }
    return Optional.empty();
  }
}
