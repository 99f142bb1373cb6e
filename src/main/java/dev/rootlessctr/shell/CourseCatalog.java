package dev.rootlessctr.shell;

import dev.rootlessctr.lesson.Course;
import dev.rootlessctr.lesson.CourseLoader;
import dev.rootlessctr.lesson.CourseShelf;
import dev.rootlessctr.lesson.ProbeCatalog;
import dev.rootlessctr.probe.Probes;
import dev.rootlessctr.progress.Progress;
import dev.rootlessctr.progress.ProgressFiles;
import dev.rootlessctr.progress.ProgressStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The courses this shell knows: those beside the shipped ones, and the open one wherever it is.
 * Reading another course's lessons or progress here never changes anything: a progress file that
 * does not parse is only shown as unreadable, not set aside (the shell that opens it does that).
 */
final class CourseCatalog {

  private final CourseShelf shelf;
  private final Path open;
  private final Path home;
  private final Path stateDir;
  private final Path started;

  /**
   * @param shelf where the shipped courses are
   * @param open the open course's folder
   * @param home the course the shell opens without {@code --lessons} (its prompt names no course)
   * @param stateDir where progress files are kept
   */
  CourseCatalog(CourseShelf shelf, Path open, Path home, Path stateDir) {
    this(shelf, open, home, stateDir, open);
  }

  /**
   * {@code started}: the course {@code --lessons} named, listed even when it is not on the shelf.
   */
  private CourseCatalog(CourseShelf shelf, Path open, Path home, Path stateDir, Path started) {
    this.shelf = shelf;
    this.open = open.toAbsolutePath().normalize();
    this.home = home.toAbsolutePath().normalize();
    this.stateDir = stateDir;
    this.started = started.toAbsolutePath().normalize();
  }

  /** A catalog of one course, with no shelf: tests of the shell itself. */
  static CourseCatalog single(Path course, Path stateDir) {
    return new CourseCatalog(CourseShelf.in(course.resolve(".no-shelf")), course, course, stateDir);
  }

  /** The folder where courses are looked for beside the shipped ones. */
  Path shelfDir() {
    return shelf.dir();
  }

  /** The same catalog with {@code dir} open. */
  CourseCatalog opening(Path dir) {
    return new CourseCatalog(shelf, dir, home, stateDir, started);
  }

  /**
   * The courses: the default one first (the one to start with), then the shelf's others in name
   * order; the open one and the one the shell started on come first when they are not on the shelf
   * (a course of the learner's own, named by its path), so {@code :open} can go back to it.
   */
  List<CourseShelf.Entry> courses() {
    List<CourseShelf.Entry> found = new ArrayList<>(shelf.courses());
    found.sort(java.util.Comparator.comparing((CourseShelf.Entry c) -> !c.isAt(home)));
    for (Path extra : List.of(started, open)) {
      if (found.stream().noneMatch(c -> c.isAt(extra))) {
        found.add(0, CourseShelf.Entry.of(extra));
      }
    }
    return List.copyOf(found);
  }

  /** The open course's entry. */
  CourseShelf.Entry open() {
    return courses().stream()
        .filter(c -> c.isAt(open))
        .findFirst()
        .orElseGet(() -> CourseShelf.Entry.of(open));
  }

  boolean isOpen(CourseShelf.Entry course) {
    return course.isAt(open);
  }

  /** Whether the open course is the one the shell starts with by default. */
  boolean openIsHome() {
    return CourseShelf.Entry.of(open).isAt(home);
  }

  /** The course called {@code name}: by its folder name, as {@code :open} and Tab give it. */
  Optional<CourseShelf.Entry> named(String name) {
    return courses().stream().filter(c -> c.nameable() && c.name().equals(name)).findFirst();
  }

  /** The other courses, for the line that says they exist. */
  List<CourseShelf.Entry> others() {
    return courses().stream().filter(c -> !isOpen(c)).toList();
  }

  /** The course's lessons as the shell would load them; empty when its folder cannot be read. */
  Optional<Course> load(CourseShelf.Entry course) {
    try {
      return Optional.of(new CourseLoader(ProbeCatalog.of(Probes.valueNames())).load(course.dir()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The course's saved progress: none saved yet is empty progress; unreadable is empty. */
  Optional<Progress> progress(CourseShelf.Entry course) {
    return new ProgressStore(ProgressFiles.forCourse(stateDir, course.dir())).peek();
  }
}
