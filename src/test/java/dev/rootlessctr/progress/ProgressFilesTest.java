package dev.rootlessctr.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A course's progress file is keyed by its real path; the old name-only file is taken over. */
class ProgressFilesTest {

  @TempDir Path dir;

  @Test
  void twoCourseFoldersWithOneNameKeepSeparateProgress() throws Exception {
    Path state = dir.resolve("state");
    Path one = Files.createDirectories(dir.resolve("a/rootless"));
    Path two = Files.createDirectories(dir.resolve("b/rootless"));
    assertNotEquals(ProgressFiles.forCourse(state, one), ProgressFiles.forCourse(state, two));
    assertTrue(
        ProgressFiles.forCourse(state, one)
            .getFileName()
            .toString()
            .startsWith("progress-rootless-"));

    Progress done = new Progress();
    done.complete("pull", 1);
    new ProgressStore(ProgressFiles.forCourse(state, one)).save(done);
    assertEquals(
        Set.of(),
        new ProgressStore(ProgressFiles.forCourse(state, two)).load().progress().completed("pull"));
  }

  @Test
  void aSymlinkToACourseIsThatCourse() throws Exception {
    Path state = dir.resolve("state");
    Path real = Files.createDirectories(dir.resolve("a/rootless"));
    Path link = Files.createSymbolicLink(dir.resolve("rootless"), real);
    assertEquals(ProgressFiles.forCourse(state, real), ProgressFiles.forCourse(state, link));
  }

  @Test
  void theOldNameOnlyFileIsTakenOverOnce() throws Exception {
    Path state = Files.createDirectories(dir.resolve("state"));
    Path course = Files.createDirectories(dir.resolve("lessons/rootless"));
    Path old = state.resolve("progress-rootless.json");
    Files.writeString(old, "{\"version\":1,\"completed\":{\"pull\":[1,2]}}");

    assertTrue(ProgressFiles.migrate(state, course));
    assertFalse(Files.exists(old));
    Path keyed = ProgressFiles.forCourse(state, course);
    assertEquals(Set.of(1, 2), new ProgressStore(keyed).load().progress().completed("pull"));

    Files.writeString(old, "{\"version\":1,\"completed\":{}}");
    Path other = Files.createDirectories(dir.resolve("elsewhere/rootless"));
    assertFalse(ProgressFiles.migrate(state, other), "a second course of that name starts afresh");
  }

  @Test
  void controlCharactersInTheFolderNameNeverReachTheFileName() {
    Path name = ProgressFiles.forCourse(dir, dir.resolve("evil\u001b[2Jname")).getFileName();
    assertTrue(
        name.toString().matches("progress-evil__2Jname-[0-9a-f]{10}\\.json"), name.toString());
  }
}
