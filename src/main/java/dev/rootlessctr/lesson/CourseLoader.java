package dev.rootlessctr.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads a course folder: every {@code NN-name.md} entry in name order. A lesson that does not load
 * is reported and skipped, keeping its number; the others still load. Anything named like a lesson
 * that is not a readable lesson file (a directory, a dangling link, a device) is reported too, and
 * so is a second lesson with an id already taken.
 */
public final class CourseLoader {

  private static final Pattern LESSON_FILE = Pattern.compile("\\d+[-_].+\\.md", Pattern.DOTALL);

  private final LessonParser parser;

  /** A loader that does not know the shell's probes (see {@link LessonParser#LessonParser()}). */
  public CourseLoader() {
    this(ProbeCatalog.ANY);
  }

  /** A loader whose lessons may call only the probes in {@code probes}. */
  public CourseLoader(ProbeCatalog probes) {
    this.parser = new LessonParser(probes);
  }

  /**
   * Loads the course in {@code dir}; throws when {@code dir} itself cannot be listed, with a
   * message that says why ({@link NoSuchFileException}, {@link NotDirectoryException}).
   */
  public Course load(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "no such folder");
    }
    if (!Files.isDirectory(dir)) {
      throw new NotDirectoryException(dir + " is not a folder of lessons");
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files =
          listing
              .filter(p -> LESSON_FILE.matcher(p.getFileName().toString()).matches())
              .sorted()
              .toList();
    }
    List<Lesson> lessons = new ArrayList<>();
    List<LessonError> errors = new ArrayList<>();
    List<Course.Unloaded> unloaded = new ArrayList<>();
    Map<String, Path> ids = new HashMap<>();
    int number = 0;
    for (Path file : files) {
      number++;
      List<LessonError> problems = new ArrayList<>();
      String entryProblem = entryProblem(file);
      if (entryProblem != null) {
        problems.add(new LessonError(file, 1, entryProblem));
      } else {
        try {
          Lesson lesson = parser.parse(file, number);
          Path taken = ids.putIfAbsent(lesson.id().toLowerCase(Locale.ROOT), file);
          if (taken != null) {
            problems.add(
                new LessonError(
                    file,
                    1,
                    "the lesson id '"
                        + lesson.id()
                        + "' is already taken by "
                        + taken.getFileName()
                        + "; ids (the file name after its number) must differ within a course"));
          } else {
            lessons.add(lesson);
          }
        } catch (LessonException e) {
          problems.addAll(e.errors());
        } catch (IOException e) {
          problems.add(new LessonError(file, 1, "cannot read the file: " + e.getMessage()));
        }
      }
      if (!problems.isEmpty()) {
        errors.addAll(problems);
        String stem = file.getFileName().toString().replaceFirst("\\.md$", "");
        unloaded.add(new Course.Unloaded(number, stem, problems));
      }
    }
    Path name = dir.toAbsolutePath().normalize().getFileName();
    return new Course(
        name == null ? "/" : VisibleText.of(name.toString()), dir, lessons, errors, unloaded);
  }

  /** Why a directory entry named like a lesson is not a lesson file, or null. */
  private static String entryProblem(Path file) {
    if (Files.isSymbolicLink(file) && !Files.exists(file)) {
      String target;
      try {
        target = Files.readSymbolicLink(file).toString();
      } catch (IOException e) {
        target = "something unreadable";
      }
      return "a symbolic link to " + target + ", which does not exist";
    }
    if (Files.isDirectory(file)) {
      return "a directory named like a lesson; a lesson is a file, NN-name.md";
    }
    if (!Files.isRegularFile(file)) {
      return "not a regular file; a lesson is a text file";
    }
    if (!Files.isReadable(file)) {
      return "cannot read the file: permission denied";
    }
    return null;
  }
}
