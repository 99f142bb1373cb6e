package dev.rootlessctr.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LessonParserTest {

  static Stream<Path> courseLessons() throws IOException {
    Stream<Path> fixture = Files.list(TestPaths.fixtureCourse());
    Stream<Path> rootless =
        Files.isDirectory(TestPaths.project().resolve("lessons/rootless"))
            ? Files.list(TestPaths.project().resolve("lessons/rootless"))
            : Stream.empty();
    return Stream.concat(fixture, rootless)
        .filter(p -> p.getFileName().toString().matches("\\d+-.*\\.md"))
        .sorted();
  }

  @ParameterizedTest
  @MethodSource("courseLessons")
  void lessonMatchesItsGoldenFile(Path file) throws Exception {
    String actual = LessonDump.dump(new LessonParser().parse(file, 1));
    String name =
        file.getParent().getFileName() + "-" + file.getFileName().toString().replace(".md", ".txt");
    assertEquals(
        TestPaths.golden(name, actual),
        actual,
        "golden/" + name + " (rerun with -Dgolden.update=true after a deliberate change)");
  }

  @Test
  void courseLoadsTheGoodLessonsAndReportsTheBadOne(@TempDir Path dir) throws IOException {
    Files.copy(TestPaths.fixtureCourse().resolve("01-files.md"), dir.resolve("01-files.md"));
    Files.writeString(
        dir.resolve("02-broken.md"),
        "# Broken\n\n## A step\n\n### Check\n\n- exit status: `maybe`\n");
    Files.copy(
        TestPaths.fixtureCourse().resolve("02-interactive.md"), dir.resolve("03-interactive.md"));
    Files.writeString(dir.resolve("README.md"), "# Not a lesson\n");

    Course course = new CourseLoader().load(dir);

    assertEquals(
        List.of("files", "interactive"), course.lessons().stream().map(Lesson::id).toList());
    assertEquals(
        List.of(1, 3),
        course.lessons().stream().map(Lesson::number).toList(),
        "a broken lesson keeps its number");
    assertEquals(1, course.errors().size());
    assertEquals(
        dir.resolve("02-broken.md")
            + ":7:1: exit status must be a number or `non-zero`, found `maybe`",
        course.errors().get(0).toString());
    assertEquals(2, course.findUnloaded("broken").orElseThrow().number());
    assertEquals(course.errors(), course.findUnloaded("2").orElseThrow().errors());
  }

  @Test
  void consoleBlocksRunOnlyTheDollarLinesAndJoinContinuations() throws Exception {
    String source = "# T\n\n## S\n\n```console\n$ echo one \\\n  two\none two\n$ true\n```\n";
    Lesson lesson = new LessonParser().parse(Path.of("t.md"), 1, source);
    List<Command> commands = lesson.steps().get(0).commands();
    assertEquals(List.of(new Command("echo one two", 6), new Command("true", 9)), commands);
  }

  @Test
  void needsUnderAStepHeadingAreThatStepsAloneWithTheLessonsWordsForAHostThatCannot()
      throws Exception {
    String source =
        "# T\n\n<!-- needs: runc -->\n\n## One\n\n```sh\ntrue\n```\n\n"
            + "## Two\n\n<!-- needs: cgroups -->\n\n```sh\ntrue\n```\n\n### Check\n\n"
            + "- exit status: `0`\n\n### If the host cannot\n\nAsk for delegation, {{user}}.\n";
    Lesson lesson = new LessonParser().parse(Path.of("t.md"), 1, source);
    assertEquals(Set.of(Requirement.RUNC), lesson.needs());
    assertEquals(Set.of(), lesson.steps().get(0).needs());
    assertEquals(Set.of(Requirement.CGROUPS), lesson.steps().get(1).needs());
    assertTrue(lesson.steps().get(0).cannot().isEmpty());
    assertEquals(
        List.of("user"),
        lesson.steps().get(1).cannot().placeholders().stream().map(Placeholder::name).toList());
    assertEquals(25, lesson.steps().get(1).cannot().line());
    // the section is the step's own, not text shown before the command
    assertTrue(lesson.steps().get(1).text().placeholders().isEmpty());
  }

  @Test
  void findsLessonsByNumberIdOrFileName() throws IOException {
    Course course = new CourseLoader().load(TestPaths.fixtureCourse());
    assertEquals("interactive", course.find("2").orElseThrow().id());
    assertEquals("interactive", course.find("Interactive").orElseThrow().id());
    assertEquals("files", course.find("01-files").orElseThrow().id());
    assertTrue(course.find("nope").isEmpty());
  }
}
