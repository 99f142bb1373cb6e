package dev.rootlessctr.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads a course folder: every {@code NN-name.md} file in name order. A malformed lesson is
 * reported and skipped; the others still load.
 */
public final class CourseLoader {

  private static final Pattern LESSON_FILE = Pattern.compile("\\d+[-_].+\\.md");

  private final LessonParser parser;

  /** A loader that does not know the shell's probes (see {@link LessonParser#LessonParser()}). */
  public CourseLoader() {
    this(ProbeCatalog.ANY);
  }

  /** A loader whose lessons may call only the probes in {@code probes}. */
  public CourseLoader(ProbeCatalog probes) {
    this.parser = new LessonParser(probes);
  }

  public Course load(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files =
          listing
              .filter(p -> LESSON_FILE.matcher(p.getFileName().toString()).matches())
              .filter(Files::isRegularFile)
              .sorted()
              .toList();
    }
    List<Lesson> lessons = new ArrayList<>();
    List<LessonError> errors = new ArrayList<>();
    for (Path file : files) {
      try {
        lessons.add(parser.parse(file, lessons.size() + 1));
      } catch (LessonException e) {
        errors.add(e.error());
      } catch (IOException e) {
        errors.add(new LessonError(file, 1, "cannot read: " + e.getMessage()));
      }
    }
    return new Course(dir.getFileName().toString(), dir, lessons, errors);
  }
}
