package dev.rootlessctr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --lessons NAME}: a course beside the shipped one, by name, as well as by path. */
class CourseInputsTest {

  @TempDir Path project;

  private Path course(String name) throws IOException {
    Path dir = Files.createDirectories(project.resolve("lessons").resolve(name));
    Files.writeString(dir.resolve("01-first.md"), "# First\n");
    return dir;
  }

  private static Optional<Path> given(String value) {
    return Optional.of(Path.of(value));
  }

  @Test
  void aCourseBesideTheShippedOneIsNamedByItsFolderName() throws Exception {
    course("rootless");
    Path deeper = course("deeper");
    assertEquals(deeper, CourseInputs.lessons(given("deeper"), project));
    assertEquals(deeper, CourseInputs.lessons(given(deeper.toString()), project));
    assertEquals(
        project.resolve("lessons/rootless"), CourseInputs.lessons(Optional.empty(), project));
  }

  @Test
  void anUnknownNameListsTheCoursesThatExist() throws Exception {
    course("rootless");
    Files.writeString(course("deeper").resolve("README.md"), "# Beyond the playground\n");
    InputError error =
        assertThrows(InputError.class, () -> CourseInputs.lessons(given("deepr"), project));
    assertEquals(
        "--lessons deepr: there is no such folder, and no course of that name.", error.reason());
    assertEquals(
        "The courses here: deeper (Beyond the playground), rootless. Name one of them, or a"
            + " course folder by its path.",
        error.hint());
  }

  @Test
  void aNamedFolderThatIsNoCourseSaysWhy() throws Exception {
    course("rootless");
    Files.createDirectories(project.resolve("lessons/empty"));
    InputError empty =
        assertThrows(InputError.class, () -> CourseInputs.lessons(given("empty"), project));
    assertEquals("--lessons empty holds no lesson files (named like 01-pull.md).", empty.reason());
    assertTrue(empty.hint().startsWith("The courses here: rootless."), empty.hint());

    Files.createSymbolicLink(project.resolve("lessons/gone"), project.resolve("nowhere"));
    InputError gone =
        assertThrows(InputError.class, () -> CourseInputs.lessons(given("gone"), project));
    assertEquals(
        "--lessons gone (it is a link to "
            + project.resolve("nowhere")
            + ", which is gone): there is no such folder.",
        gone.reason());
  }

  @Test
  void aLinkedCourseIsACourse() throws Exception {
    course("rootless");
    Path mine = Files.createDirectories(project.resolve("mine"));
    Files.writeString(mine.resolve("01-x.md"), "# X\n");
    Files.createSymbolicLink(project.resolve("lessons/mine"), mine);
    assertEquals(project.resolve("lessons/mine"), CourseInputs.lessons(given("mine"), project));
  }

  @Test
  void anOddNameIsShownVisiblyAndNeverLookedUp() throws Exception {
    course("rootless");
    InputError error =
        assertThrows(InputError.class, () -> CourseInputs.lessons(given("x\u001b[2Jy"), project));
    assertEquals("--lessons x\\x1b[2Jy: there is no such folder.", error.reason());
  }

  @Test
  void lintAndVerifyResolveTheSharedOptionToo() throws Exception {
    Path deeper = course("deeper");
    assertEquals(deeper, CourseInputs.named(Path.of("deeper"), project));
    InputError error =
        assertThrows(InputError.class, () -> CourseInputs.named(Path.of("nope"), project));
    assertTrue(error.hint().contains("deeper"), error.hint());
  }
}
