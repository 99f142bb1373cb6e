package dev.rootlessctr.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.TestPaths;
import dev.rootlessctr.doctor.FakeHost;
import dev.rootlessctr.lesson.Course;
import dev.rootlessctr.lesson.CourseLoader;
import dev.rootlessctr.render.Style;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diagnosis a learner waits for before the very first prompt starts no test container; the full
 * one, which does, follows in the background.
 */
@Timeout(30)
class FirstStartDiagnosisTest {

  @TempDir Path tree;

  @Test
  void theFirstPromptDoesNotWaitForTestContainers() throws Exception {
    FakeHost host = FakeHost.healthy(tree);
    Path calls = host.path("/calls");
    host.script("/bin/busybox", "exit 0");
    host.script("/usr/bin/runc", "echo \"$*\" >> " + calls + "; echo 'runc version 1.1.12'");
    StringWriter text = new StringWriter();
    Printer printer = new Printer(new PrintWriter(text), Style.of(false), () -> 100);
    Course none = new Course("none", tree, List.of(), List.of());
    HostHooks hooks = new HostHooks(host.inputs(), none, true, true, Map.of(), List.of());

    hooks.started(printer, question -> false);

    assertTrue(
        Files.readString(calls).matches("(--version\n)+"),
        "only versions before the prompt: " + Files.readString(calls));
    assertTrue(text.toString().contains("First start: checking this host"), text.toString());
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!Files.readString(calls).contains("spec --rootless") && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(
        Files.readString(calls).contains("spec --rootless"),
        "the full diagnosis tries a container in the background: " + Files.readString(calls));
    assertFalse(text.toString().contains("started a test container"), text.toString());
    // Waits for the background diagnosis to end before the tree is removed.
    hooks.courseBlocked(
        new Printer(new PrintWriter(new StringWriter()), Style.of(false), () -> 100));
    hooks.close();
  }

  @Test
  void whatTheFullDiagnosisFindsWorseIsSaidBeforeTheNextCommand() throws Exception {
    FakeHost host = FakeHost.healthy(tree);
    host.script("/bin/busybox", "exit 0");
    host.script("/usr/bin/runc", runtime("runc", "exit 0"));
    host.script(
        "/usr/bin/crun",
        runtime(
            "crun",
            "echo 'cgroups in hybrid mode not supported, drop all controllers from cgroupv2' >&2;"
                + " exit 1"));
    StringWriter text = new StringWriter();
    Printer printer = new Printer(new PrintWriter(text), Style.of(false), () -> 200);
    Course course = new CourseLoader().load(TestPaths.project().resolve("lessons/deeper"));
    HostHooks hooks = new HostHooks(host.inputs(), course, true, true, Map.of(), List.of());

    hooks.started(printer, question -> false);
    String brief = text.toString();
    assertTrue(brief.matches("(?s).*checks passed: .*crun.*"), brief);
    hooks.courseBlocked(
        new Printer(new PrintWriter(new StringWriter()), Style.of(false), () -> 200));
    hooks.beforeLesson(course.lessons().get(0), printer);

    String after = text.toString().substring(brief.length());
    assertTrue(
        after.contains("The full check of this host, which starts test containers, found more:"),
        after);
    assertTrue(
        after.contains("crun: crun 1.8.1 at /usr/bin/crun, but it could not start a test"), after);
    assertFalse(after.contains("runc:"), "runc started its container: " + after);
    hooks.beforeLesson(course.lessons().get(0), printer);
    assertEquals(after, text.toString().substring(brief.length()), "said once");
    hooks.close();
  }

  /** A runtime that writes a spec and then does {@code onRun} when asked to run a container. */
  private static String runtime(String name, String onRun) {
    return String.join(
        "\n",
        "case \"$1\" in",
        "  --version) echo '" + name + " version 1.8.1'; exit 0 ;;",
        "  spec) printf '{\"ociVersion\":\"1.0.2\",\"process\":{\"args\":[\"sh\"]}}'"
            + " > \"$4/config.json\"; exit 0 ;;",
        "esac",
        "state=\"$2\"; shift 2",
        "case \"$1\" in",
        "  run) mkdir -p \"$state/$4\"; " + onRun + " ;;",
        "  delete) rm -rf \"$state/$3\"; exit 0 ;;",
        "esac");
  }
}
