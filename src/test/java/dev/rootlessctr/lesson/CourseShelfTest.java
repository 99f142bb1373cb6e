package dev.rootlessctr.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding courses beside the shipped ones, their titles, and what {@code --lessons} names. */
class CourseShelfTest {

  @TempDir Path shelf;
  @TempDir Path elsewhere;

  private Path course(Path parent, String name) throws IOException {
    Path dir = Files.createDirectories(parent.resolve(name));
    Files.writeString(dir.resolve("01-first.md"), "# First\n");
    return dir;
  }

  private List<String> names() {
    return CourseShelf.in(shelf).courses().stream().map(CourseShelf.Entry::name).toList();
  }

  @Test
  void aCourseIsAFolderWithALessonFileInNameOrder() throws Exception {
    course(shelf, "rootless");
    course(shelf, "deeper");
    Files.createDirectories(shelf.resolve("empty"));
    Files.createDirectories(shelf.resolve("notes")).resolve("README.md").toFile().createNewFile();
    Files.writeString(shelf.resolve("README.md"), "# The format\n");
    assertEquals(List.of("deeper", "rootless"), names());
  }

  @Test
  void aLinkedCourseIsListedAndADanglingLinkIsNot() throws Exception {
    Path mine = course(elsewhere, "mine");
    Files.createSymbolicLink(shelf.resolve("linked"), mine);
    Files.createSymbolicLink(shelf.resolve("gone"), elsewhere.resolve("nowhere"));
    Files.createSymbolicLink(shelf.resolve("loop"), shelf.resolve("loop"));
    assertEquals(List.of("linked"), names());
    CourseShelf.Entry linked = CourseShelf.in(shelf).named("linked").orElseThrow();
    assertTrue(linked.isAt(mine), "a link is the course it points to");
  }

  @Test
  void anOddFolderNameIsShownEscapedAndCannotBeNamed() throws Exception {
    course(shelf, "bad\u001b[31mname");
    course(shelf, "with space");
    List<CourseShelf.Entry> courses = CourseShelf.in(shelf).courses();
    assertEquals(List.of("bad\\x1b[31mname", "with space"), names());
    assertTrue(courses.stream().noneMatch(CourseShelf.Entry::nameable), courses.toString());
    assertTrue(CourseShelf.in(shelf).named("with space").isEmpty());
  }

  @Test
  void theTitleIsTheReadmesFirstHeadingMadeVisible() throws Exception {
    Path a = course(shelf, "a");
    Files.writeString(a.resolve("README.md"), "Intro line\n\n# Beyond \u202ethe playground ##\n");
    Path b = course(shelf, "b");
    Files.writeString(b.resolve("README.md"), "no heading at all\n");
    Path c = course(shelf, "c");
    Files.writeString(c.resolve("README.md"), "# " + "x".repeat(200) + "\n");
    Path d = course(shelf, "d");
    Files.write(d.resolve("README.md"), new byte[] {'#', ' ', (byte) 0xff, (byte) 0xfe, '\n'});
    Path e = course(shelf, "e");
    Files.createDirectories(e.resolve("README.md"));
    List<CourseShelf.Entry> courses = CourseShelf.in(shelf).courses();
    assertEquals("Beyond \\u202ethe playground", courses.get(0).title());
    assertEquals("b", courses.get(1).title());
    assertEquals(72, courses.get(2).title().length());
    assertFalse(courses.get(3).title().contains("\uFFFD\u0000"));
    assertEquals("e", courses.get(4).title());
  }

  @Test
  void aNameIsLookedUpOnTheShelfAndAPathWins() throws Exception {
    Path deeper = course(shelf, "deeper");
    CourseShelf courses = CourseShelf.in(shelf);
    assertEquals(deeper, courses.resolve("deeper"));
    assertEquals(Path.of(deeper.toString()), courses.resolve(deeper.toString()));
    // An empty folder named on the shelf resolves: the caller says what is wrong with it.
    Files.createDirectories(shelf.resolve("empty"));
    assertEquals(shelf.resolve("empty"), courses.resolve("empty"));
  }

  @Test
  void anUnknownNameListsTheCoursesThereAre() throws Exception {
    course(shelf, "rootless");
    Files.writeString(course(shelf, "deeper").resolve("README.md"), "# Beyond the playground\n");
    CourseShelf.Unknown unknown =
        assertThrows(CourseShelf.Unknown.class, () -> CourseShelf.in(shelf).resolve("deper"));
    assertEquals("there is no such folder, and no course of that name", unknown.getMessage());
    assertEquals("The courses here: deeper (Beyond the playground), rootless.", unknown.hint());
    CourseShelf.Unknown path =
        assertThrows(CourseShelf.Unknown.class, () -> CourseShelf.in(shelf).resolve("some/where"));
    assertEquals("there is no such folder", path.getMessage());
    assertThrows(CourseShelf.Unknown.class, () -> CourseShelf.in(shelf).resolve("../rootless"));
    assertThrows(CourseShelf.Unknown.class, () -> CourseShelf.in(shelf).resolve("a\u0000b"));
  }

  @Test
  void aShelfThatDoesNotExistHoldsNoCourses() {
    CourseShelf none = CourseShelf.in(shelf.resolve("missing"));
    assertEquals(List.of(), none.courses());
    CourseShelf.Unknown unknown =
        assertThrows(CourseShelf.Unknown.class, () -> none.resolve("deeper"));
    assertTrue(unknown.hint().startsWith("No courses were found"), unknown.hint());
  }
}
