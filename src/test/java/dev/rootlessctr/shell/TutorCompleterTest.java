package dev.rootlessctr.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.TestPaths;
import dev.rootlessctr.exec.ShellState;
import dev.rootlessctr.lesson.CourseLoader;
import dev.rootlessctr.lesson.CourseShelf;
import dev.rootlessctr.progress.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tab after {@code :open}: the open course's lessons, the courses, the others' lessons. */
class TutorCompleterTest {

  @TempDir Path root;

  @Test
  void openCompletesLessonsCoursesAndOtherCoursesLessons() throws Exception {
    Path shelf = Files.createDirectories(root.resolve("shelf"));
    Path fixture = copy(shelf.resolve("fixture"));
    copy(shelf.resolve("other"));
    copy(shelf.resolve("odd name"));
    CourseCatalog catalog =
        new CourseCatalog(CourseShelf.in(shelf), fixture, fixture, root.resolve("state"));
    Session session = new Session(new CourseLoader().load(fixture), new Progress());
    TutorCompleter completer =
        new TutorCompleter(session, new ShellState(root, Map.of()), List::of, catalog);
    List<Candidate> candidates = new ArrayList<>();
    completer.complete(
        null,
        new DefaultParser().parse(":open ", 6, org.jline.reader.Parser.ParseContext.COMPLETE),
        candidates);
    List<String> values = candidates.stream().map(Candidate::value).toList();
    assertTrue(values.containsAll(List.of("files", "interactive")), values.toString());
    assertTrue(values.containsAll(List.of("fixture", "other")), values.toString());
    assertTrue(values.containsAll(List.of("other/files", "other/interactive")), values.toString());
    assertTrue(values.stream().noneMatch(v -> v.startsWith("fixture/")), values.toString());
    assertTrue(values.stream().noneMatch(v -> v.contains("odd")), values.toString());
  }

  private static Path copy(Path dir) throws Exception {
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(TestPaths.fixtureCourse())) {
      for (Path file : files.toList()) {
        Files.copy(file, dir.resolve(file.getFileName()));
      }
    }
    return dir;
  }
}
