package dev.rootlessctr.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rootlessctr.TestPaths;
import dev.rootlessctr.host.HostUser;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lab the learner cannot or must not use is refused with its own plain message. */
class LabOptionTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int launch(Path lab) throws Exception {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("HOME", Files.createDirectories(dir.resolve("home")).toString());
    env.put("XDG_STATE_HOME", dir.resolve("state").toString());
    env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
    env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
    env.put(
        "HTTPS_PROXY", "http://127.0.0.1:9"); // online mode's Docker Hub check stays on loopback
    ShellLauncher launcher =
        new ShellLauncher(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            new ByteArrayInputStream(new byte[0]),
            env,
            dev.rootlessctr.process.ProcessRunner.system(),
            false);
    return launcher.launch(
        new ShellLauncher.Request(
            TestPaths.fixtureCourse(),
            lab,
            dev.rootlessctr.mirror.RegistryMode.parse("online"),
            dev.rootlessctr.render.ColorMode.NEVER,
            true));
  }

  @Test
  void anEmptyLabIsAUsageErrorAndTheCheckoutIsNotTheLab() throws Exception {
    assertEquals(2, launch(Path.of("")));
    assertTrue(err.toString().startsWith("rootless-ctr: --lab needs a directory;"), err.toString());
    assertFalse(out.toString().contains("Your lab directory is"), out.toString());
  }

  @Test
  void aLabThatIsASymlinkIntoAnotherUsersFolderIsRefused() throws Exception {
    assumeTrue(HostUser.current().uid() == 0, "only root can give a folder to another user");
    Path theirs = Files.createDirectories(dir.resolve("theirs"));
    Files.setAttribute(theirs, "unix:uid", 65534);
    Path link = Files.createSymbolicLink(dir.resolve("lab"), theirs);
    assertEquals(1, launch(link));
    String message = err.toString();
    assertTrue(
        message.startsWith(
            "rootless-ctr: the lab "
                + link
                + " is a symbolic link to "
                + theirs.toRealPath()
                + ", which belongs to user "),
        message);
    assertTrue(message.contains("(uid 65534)"), message);
    assertFalse(message.contains("mirror"), message);
  }

  @Test
  void aLabInAFolderTheLearnerCannotWriteSaysWhoOwnsIt() throws Exception {
    // Root may write anywhere; a file as the parent stops everybody, like /root stops a learner.
    Path file = Files.writeString(dir.resolve("notes.txt"), "a file");
    assertEquals(1, launch(file.resolve("lab")));
    String message = err.toString().strip();
    assertTrue(
        message.startsWith(
            "rootless-ctr: cannot create the lab directory " + file.resolve("lab") + ": "),
        message);
    assertTrue(message.contains(file + " is a file, not a directory"), message);
    assertFalse(message.equals("rootless-ctr: " + file.resolve("lab")), "not the bare path");
  }
}
