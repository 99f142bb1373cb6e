package dev.rootlessctr.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rootlessctr.TestPaths;
import dev.rootlessctr.lesson.Course;
import dev.rootlessctr.lesson.CourseLoader;
import dev.rootlessctr.lesson.Lesson;
import dev.rootlessctr.lesson.Mistake;
import dev.rootlessctr.lesson.Placeholder;
import dev.rootlessctr.lesson.Prose;
import dev.rootlessctr.lesson.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every piece of text of a course, as the learner sees it at 80 columns, with each value shown as
 * {@code V<name>}: a change to the renderer or the lessons shows here line by line.
 */
class CourseRenderingTest {

  @ParameterizedTest
  @CsvSource({
    "lessons/rootless, rootless, false",
    "lessons/rootless, rootless, true",
    "src/test/resources/courses/fixture, fixture, false"
  })
  void courseRendersAsItsGoldenFile(String dir, String name, boolean colour) throws Exception {
    Path folder = TestPaths.project().resolve(dir);
    if (!Files.isDirectory(folder)) {
      return;
    }
    Course course = new CourseLoader().load(folder);
    TerminalRenderer renderer =
        TerminalRenderer.builder().width(80).style(Style.of(colour)).build();
    StringBuilder out = new StringBuilder();
    for (Lesson lesson : course.lessons()) {
      section(out, renderer, "lesson " + lesson.number() + " intro", lesson.intro());
      for (Step step : lesson.steps()) {
        String at = "lesson " + lesson.number() + " step " + step.number();
        section(out, renderer, at + " text", step.text());
        section(out, renderer, at + " explain", step.explanation());
        for (Prose hint : step.hints()) {
          section(out, renderer, at + " hint", hint);
        }
        for (Mistake mistake : step.mistakes()) {
          section(
              out, renderer, at + " mistake `" + mistake.pattern() + "`", mistake.explanation());
        }
      }
    }
    String actual = out.toString();
    String golden = "rendered-" + name + (colour ? "-ansi" : "-plain") + "-80.txt";
    assertEquals(
        TestPaths.golden(golden, actual),
        actual,
        "golden/" + golden + " (rerun with -Dgolden.update=true after a deliberate change)");
  }

  private static void section(
      StringBuilder out, TerminalRenderer renderer, String title, Prose prose) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Placeholder placeholder : prose.placeholders()) {
      values.put(placeholder.name(), "V<" + placeholder.name() + ">");
    }
    out.append("=== ")
        .append(title)
        .append('\n')
        .append(renderer.renderToAnsi(prose.document(), values));
  }
}
