package dev.rootlessctr.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.doctor.FakeHost;
import dev.rootlessctr.lesson.Course;
import dev.rootlessctr.render.Style;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first start diagnoses the host and, on a terminal, offers the one install command. */
class HostHooksTest {

  @TempDir Path tree;

  private FakeHost missingRuncAndSkopeo() {
    FakeHost host = FakeHost.healthy(tree);
    host.remove("/usr/bin/runc").remove("/usr/bin/skopeo");
    host.script("/usr/bin/sudo", "[ \"$*\" = '-n true' ] && exit 0; exit 1");
    return host;
  }

  private String start(boolean interactive, List<String> asked) {
    StringWriter text = new StringWriter();
    Printer printer = new Printer(new PrintWriter(text), Style.of(false), () -> 100);
    Course none = new Course("none", tree, List.of(), List.of());
    HostHooks hooks =
        new HostHooks(
            missingRuncAndSkopeo().inputs(), none, true, interactive, Map.of(), List.of());
    hooks.started(
        printer,
        question -> {
          asked.add(question);
          return false; // the learner says no: nothing is installed
        });
    hooks.close();
    return text.toString();
  }

  @Test
  void firstStartOnATerminalOffersTheInstallAndRespectsNo() {
    List<String> asked = new ArrayList<>();
    String out = start(true, asked);
    assertTrue(out.contains("One command installs what is missing:"), out);
    assertTrue(out.contains("sudo apt-get update && sudo apt-get install -y runc skopeo"), out);
    assertEquals(List.of("Run it now? [y/N] "), asked);
    assertTrue(!out.contains("Installed."), out);
  }

  @Test
  void aScriptIsNeverAsked() {
    List<String> asked = new ArrayList<>();
    String out = start(false, asked);
    assertTrue(out.contains("Something above blocks part of the course"), out);
    assertEquals(List.of(), asked);
  }
}
