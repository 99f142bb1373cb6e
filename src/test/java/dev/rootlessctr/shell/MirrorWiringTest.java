package dev.rootlessctr.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.exec.ShellState;
import dev.rootlessctr.lesson.Lesson;
import dev.rootlessctr.lesson.LessonParser;
import dev.rootlessctr.mirror.LabMirror;
import dev.rootlessctr.mirror.RegistryMode;
import dev.rootlessctr.process.ProcessRunner;
import dev.rootlessctr.render.Style;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lesson whose container reaches the host through slirp4netns gets the built-in mirror on
 * 127.0.0.1 in $MIRROR_PORT, in every registry mode; nothing here contacts another host (the
 * workshop address is a closed loopback port, and online mode's Docker Hub is never asked).
 */
@Timeout(60)
class MirrorWiringTest {

  @TempDir Path temp;

  Lesson lesson(String needs) throws Exception {
    Path file = temp.resolve("01-net.md");
    Files.writeString(
        file,
        "# Net\n\n<!-- needs: "
            + needs
            + " -->\n\n## Step\n\n```sh\ntrue\n```\n\n### Check\n\n- exit status: `0`\n");
    return new LessonParser().parse(file, 1);
  }

  String wire(String mode, String needs, ShellState shell) throws Exception {
    StringWriter out = new StringWriter();
    Printer printer = new Printer(new PrintWriter(out), Style.of(false), () -> 100);
    try (LabMirror mirror =
        new LabMirror(
            RegistryMode.parse(mode),
            temp.resolve("cache"),
            Path.of("/bin/busybox"),
            ProcessRunner.system())) {
      MirrorWiring wiring = new MirrorWiring(mirror, shell, temp.resolve("lab"));
      wiring.beforeLesson(lesson(needs), printer);
      String port = shell.env().get("MIRROR_PORT");
      if (port != null) {
        HttpURLConnection connection =
            (HttpURLConnection)
                URI.create("http://127.0.0.1:" + port + "/v2/").toURL().openConnection();
        assertEquals(200, connection.getResponseCode(), "the built-in mirror answers on " + port);
        connection.disconnect();
      }
    }
    return out.toString();
  }

  ShellState shell() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", "/usr/bin:/bin");
    return new ShellState(Files.createDirectories(temp.resolve("lab")), env);
  }

  @Test
  void onlineTheBuiltInMirrorStillRunsOnLoopbackForASlirpLesson() throws Exception {
    ShellState shell = shell();

    String said = wire("online", "slirp4netns", shell);

    assertTrue(shell.env().get("MIRROR_PORT").matches("\\d+"), shell.env().toString());
    assertTrue(said.contains("started for this lesson, on this machine only"), said);
    assertTrue(said.contains("skopeo still uses Docker Hub"), said);
  }

  @Test
  void inAWorkshopTheInstructorsRegistryIsNotTheOneTheContainerReaches() throws Exception {
    ShellState shell = shell();

    String said = wire("workshop=127.0.0.1:1", "slirp4netns", shell);

    assertTrue(shell.env().get("MIRROR_PORT").matches("\\d+"), shell.env().toString());
    assertFalse(shell.env().get("MIRROR_PORT").equals("1"));
    assertTrue(said.contains("skopeo still uses 127.0.0.1:1"), said);
  }

  @Test
  void offlineItIsTheMirrorSkopeoUses() throws Exception {
    ShellState shell = shell();

    String said = wire("offline", "slirp4netns", shell);

    assertTrue(shell.env().get("MIRROR_PORT").matches("\\d+"), shell.env().toString());
    assertFalse(said.contains("started for this lesson"), said);
  }

  @Test
  void aLessonWithoutSlirp4netnsGetsNoPort() throws Exception {
    ShellState shell = shell();

    wire("online", "runc", shell);

    assertNull(shell.env().get("MIRROR_PORT"));
  }
}
