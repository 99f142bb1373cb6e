package dev.rootlessctr.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.lesson.CleanupItem;
import dev.rootlessctr.process.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parser refuses cleanup paths outside the lab; the cleaner holds the line on its own too, for
 * an item that never went through the parser.
 */
class CleanerConfinementTest {

  @TempDir Path root;

  private Cleaner cleaner(Path lab, Path home) {
    ProcessRunner noProcesses =
        (argv, cwd, env, timeout) -> {
          throw new AssertionError("no runc for paths: " + argv);
        };
    return new Cleaner(
        new Lab(lab, root.resolve("runc")),
        noProcesses,
        Map.of("HOME", home.toString()),
        SessionLedger.inMemory(root.resolve("runc")));
  }

  private static CleanupItem path(String target) {
    return new CleanupItem(CleanupItem.Kind.PATH, target, 1);
  }

  @Test
  void removesWhatIsInTheLabAndANamedHomeFileOnly() throws Exception {
    Path home = Files.createDirectories(root.resolve("home"));
    Path lab = Files.createDirectories(home.resolve("lab"));
    Files.writeString(lab.resolve("busybox"), "x");
    Files.writeString(home.resolve("rootless-ctr-was-here"), "x");
    Path outside = Files.writeString(root.resolve("precious"), "keep");

    List<String> done =
        cleaner(lab, home)
            .remove(
                List.of(
                    path("busybox"),
                    path("~/rootless-ctr-was-here"),
                    path("../../precious"),
                    path(".."),
                    path("~")));

    assertFalse(Files.exists(lab.resolve("busybox")));
    assertFalse(Files.exists(home.resolve("rootless-ctr-was-here")));
    assertTrue(Files.exists(outside), "outside the lab and home stays: " + done);
    assertTrue(
        Files.isDirectory(home) && Files.isDirectory(lab),
        "neither the home nor the lab itself goes: " + done);
    assertEquals(5, done.size(), done.toString());
    assertEquals(
        3, done.stream().filter(d -> d.startsWith("did not remove")).count(), done.toString());
  }

  @Test
  void doesNotDeleteThroughASymlinkedFolderThatLeavesTheLab() throws Exception {
    Path lab = Files.createDirectories(root.resolve("lab"));
    Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("file"), "keep");
    Files.createSymbolicLink(lab.resolve("link"), elsewhere);

    List<String> done = cleaner(lab, root.resolve("nohome")).remove(List.of(path("link/file")));

    assertTrue(Files.exists(elsewhere.resolve("file")), done.toString());
    assertTrue(done.get(0).startsWith("did not remove"), done.toString());
  }
}
