package dev.rootlessctr.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuncRootsTest {

  @TempDir Path dir;

  private static long owner(Path p) throws Exception {
    return ((Number) Files.getAttribute(p, "unix:uid")).longValue();
  }

  private static List<Path> withoutSeedRoot(List<Path> roots) {
    return roots.stream()
        .filter(r -> !r.equals(Path.of("/tmp/runc")))
        .toList(); // not this test's to arrange
  }

  @Test
  void theCoursesAndTheLearnersRootsComeFirstThenRuncsDefaultWhenItIsTheirs() throws Exception {
    Path course = Files.createDirectories(dir.resolve("course"));
    Path theirs = Files.createDirectories(dir.resolve("theirs"));
    Path runtime = Files.createDirectories(dir.resolve("xdg/runc")).getParent();
    long me = owner(runtime.resolve("runc"));
    Map<String, String> env = Map.of("XDG_RUNTIME_DIR", runtime.toString());
    assertEquals(
        List.of(course, theirs, runtime.resolve("runc")),
        withoutSeedRoot(RuncRoots.find(course, List.of(theirs, course), env, me)));
    // Someone else's runc directory is not searched: its containers are not the learner's.
    assertEquals(
        List.of(course, theirs),
        withoutSeedRoot(RuncRoots.find(course, List.of(theirs), env, me + 1)));
    // A root that does not exist yet holds nothing to show.
    assertEquals(
        List.of(theirs),
        withoutSeedRoot(RuncRoots.find(dir.resolve("gone"), List.of(theirs), Map.of(), me)));
  }

  @Test
  void containerNamesAreTheDirectoriesWithAStateFile() throws Exception {
    Files.createDirectories(dir.resolve("c2"));
    Files.writeString(Files.createDirectories(dir.resolve("c1")).resolve("state.json"), "{}");
    assertEquals(List.of("c1"), RuncRoots.names(dir));
    assertEquals(List.of(), RuncRoots.names(dir.resolve("missing")));
  }
}
