package dev.rootlessctr.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.TestPaths;
import dev.rootlessctr.lab.Cleaner;
import dev.rootlessctr.lab.Lab;
import dev.rootlessctr.lab.SessionLedger;
import dev.rootlessctr.lesson.CourseLoader;
import dev.rootlessctr.lesson.CourseShelf;
import dev.rootlessctr.process.Captured;
import dev.rootlessctr.process.ProcessRunner;
import dev.rootlessctr.progress.Progress;
import dev.rootlessctr.render.Style;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code :courses} and the course half of {@code :open}: what the shell lists, when it ends its
 * sitting for another course and when it refuses (and stays, with nothing deleted).
 */
@Timeout(60)
class CourseSwitchTest {

  @TempDir Path root;
  private Path shelf;
  private Path fixture;

  @BeforeEach
  void shelf() throws IOException {
    shelf = Files.createDirectories(root.resolve("shelf"));
    fixture = copyFixture("fixture");
    Path other = copyFixture("other");
    Files.writeString(other.resolve("README.md"), "# Another \u001b[31mcourse\n\nBlurb.\n");
    Path broken = Files.createDirectories(shelf.resolve("broken"));
    Files.writeString(broken.resolve("01-bad.md"), "no heading, no steps\n");
    copyFixture("odd name");
  }

  private Path copyFixture(String name) throws IOException {
    Path dir = Files.createDirectories(shelf.resolve(name));
    try (Stream<Path> files = Files.list(TestPaths.fixtureCourse())) {
      for (Path file : files.toList()) {
        Files.copy(file, dir.resolve(file.getFileName()));
      }
    }
    return dir;
  }

  private ShellHarness harness() throws IOException {
    ShellHarness harness = new ShellHarness(root, fixture);
    harness.catalog = new CourseCatalog(CourseShelf.in(shelf), fixture, fixture, harness.state);
    return harness;
  }

  @Test
  void coursesListsEveryCourseWithItsProgressAndWhichIsOpen() throws Exception {
    ShellHarness harness = harness();
    harness.run("mkdir -p notes\n:courses\n");
    String out = harness.output();
    String list = out.substring(out.indexOf("$ :courses"));
    assertTrue(
        list.matches("(?s).*\n> fixture +\\S* *2 lessons +1/\\d+ steps done +\\(open\\).*"), list);
    assertTrue(list.contains("Another \\x1b[31mcourse"), "the title, made visible:\n" + list);
    assertTrue(list.matches("(?s).*\n  other +Another.* 2 lessons +0/\\d+ steps done\n.*"), list);
    assertTrue(list.matches("(?s).*\n  broken +0 lessons .*"), list);
    assertTrue(list.contains("1 lesson file(s) did not load: rootless-ctr lint "), list);
    assertTrue(list.contains("its folder name is not one plain word"), list);
    assertFalse(out.contains("Exception"), out);
  }

  @Test
  void theStartAndLessonsSayAnotherCourseExists() throws Exception {
    ShellHarness harness = harness();
    harness.run(":lessons\n");
    String out = harness.output().replaceAll("\\s+", " ");
    assertTrue(
        out.contains(
            "Other courses are here: broken, other (Another \\x1b[31mcourse). :courses lists"
                + " them; :open broken goes there."),
        out);
  }

  @Test
  void openingAnotherCourseEndsThisSittingForIt() throws Exception {
    ShellHarness harness = harness();
    Shell shell = harness.shell(":open other/interactive 2\n:status\n");
    shell.run();
    String out = harness.output();
    Optional<CourseSwitch> asked = shell.switchRequested();
    assertTrue(asked.isPresent(), out);
    assertEquals("other", asked.get().entry().name());
    assertEquals(Optional.of("interactive"), asked.get().lesson());
    assertEquals(Optional.of("2"), asked.get().step());
    assertEquals("fixture", asked.get().from());
    assertTrue(out.contains("Opening course other (Another"), out);
    assertFalse(out.contains("$ :status"), "the sitting ended at the switch:\n" + out);
  }

  @Test
  void aCourseOrLessonThatCannotRunIsRefusedAndTheShellStays() throws Exception {
    ShellHarness harness = harness();
    Shell shell =
        harness.shell(
            ":open broken\n:open other/nosuch\n:open other/1 99\n:open nosuch\n:status\n");
    shell.run();
    String out = harness.output().replaceAll("\\s+", " ");
    assertTrue(shell.switchRequested().isEmpty(), out);
    assertTrue(
        out.contains("FAIL course broken has no lesson that loads, so it cannot run: "), out);
    assertTrue(out.contains("FAIL course other has no lesson 'nosuch'."), out);
    assertTrue(out.contains("FAIL lesson 1 has steps 1 to 3, not '99'."), out);
    assertTrue(out.contains("FAIL no lesson 'nosuch'. :lessons lists them."), out);
    assertTrue(out.contains("Course fixture: "), "still in the first course:\n" + out);
  }

  @Test
  void theOpenCourseByNameOpensItsLessonInPlace() throws Exception {
    ShellHarness harness = harness();
    Shell shell = harness.shell(":open fixture/2\n:open fixture\n");
    shell.run();
    String out = harness.output();
    assertTrue(shell.switchRequested().isEmpty(), out);
    assertTrue(out.contains("Lesson 2: Interactive programs"), out);
    assertTrue(out.contains("Course fixture is open already."), out);
  }

  @Test
  void aShellThatArrivesOpensTheLessonAskedFor() throws Exception {
    ShellHarness harness = harness();
    CourseCatalog catalog = harness.catalog;
    CourseShelf.Entry entry = catalog.named("fixture").orElseThrow();
    Shell shell = harness.shell(":status\n");
    shell.arriveFrom(
        new CourseSwitch(
            entry, harness.course, Optional.of("interactive"), Optional.of("3"), "other"));
    shell.run();
    String out = harness.output().replaceAll("\\s+", " ");
    assertTrue(
        out.contains(
            "Course fixture: 2 lessons. :courses lists the courses; :open other goes back."),
        out);
    assertTrue(out.contains("Step 3/3: Reading only"), out);
  }

  @Test
  void aCourseOfOnesOwnStaysListedAfterSwitchingAway() throws Exception {
    Path mine = Files.createDirectories(root.resolve("mine"));
    Files.copy(TestPaths.fixtureCourse().resolve("01-files.md"), mine.resolve("01-files.md"));
    CourseCatalog started =
        new CourseCatalog(CourseShelf.in(shelf), mine, fixture, root.resolve("state"));
    assertEquals("mine", started.courses().get(0).name());
    assertTrue(started.isOpen(started.courses().get(0)));
    CourseCatalog away = started.opening(shelf.resolve("other"));
    assertTrue(away.named("mine").isPresent(), away.courses().toString());
    assertTrue(away.named("fixture").isPresent(), away.courses().toString());
    assertFalse(away.openIsHome());
    assertTrue(away.opening(fixture).openIsHome());
  }

  /** A runc whose state directory holds one container, c1; delete removes it. */
  private static ProcessRunner oneContainer(Path runcRoot) {
    return (argv, dir, env, timeout) -> {
      if (argv.contains("list")) {
        String json =
            Files.isDirectory(runcRoot.resolve("c1"))
                ? "[{\"id\":\"c1\",\"status\":\"running\"}]"
                : "null";
        return new Captured(argv, 0, json, "", false);
      }
      if (argv.contains("delete")) {
        Files.deleteIfExists(runcRoot.resolve("c1"));
        return new Captured(argv, 0, "", "", false);
      }
      return new Captured(argv, 1, "", "unexpected", false);
    };
  }

  @Test
  void aSwitchThatWouldDeleteContainersSaysWhichAndAsksOnATerminal() throws Exception {
    Path runcRoot = Files.createDirectories(root.resolve("runc"));
    Files.createDirectories(runcRoot.resolve("c1"));
    SessionLedger ledger = SessionLedger.inMemory(runcRoot);
    ledger.claim("c1");
    Cleaner cleaner =
        new Cleaner(new Lab(root, runcRoot), oneContainer(runcRoot), Map.of(), ledger);
    CourseCatalog catalog =
        new CourseCatalog(CourseShelf.in(shelf), fixture, fixture, root.resolve("state"));
    CoursesCommand courses = new CoursesCommand(catalog, cleaner);
    Session session = new Session(new CourseLoader().load(fixture), new Progress());
    StringWriter text = new StringWriter();
    Printer printer = new Printer(new PrintWriter(text, true), Style.of(false), () -> 200);
    CoursesCommand.Target other = courses.target("other/2").orElseThrow();
    List<String> asked = new ArrayList<>();

    Optional<CourseSwitch> declined =
        courses.decide(other, Optional.empty(), printer, session, true, q -> asked.add(q) && false);
    assertTrue(declined.isEmpty());
    assertEquals(List.of("Delete it and switch? [y/N] "), asked);
    assertTrue(
        text.toString()
            .contains("the containers this shell started are deleted first, as at :quit: c1."),
        text.toString());
    assertTrue(text.toString().contains("Nothing was changed; staying in course fixture."));
    assertTrue(Files.isDirectory(runcRoot.resolve("c1")), "nothing deleted when declined");

    Optional<CourseSwitch> accepted =
        courses.decide(other, Optional.empty(), printer, session, true, q -> true);
    assertTrue(accepted.isPresent());
    assertEquals(Optional.of("2"), accepted.get().lesson());
    // A script is not asked: it switches as it would quit, and says so first.
    assertTrue(
        courses.decide(other, Optional.empty(), printer, session, false, q -> false).isPresent());
  }
}
