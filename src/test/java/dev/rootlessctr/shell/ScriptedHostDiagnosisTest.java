package dev.rootlessctr.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rootlessctr.TestPaths;
import dev.rootlessctr.doctor.FakeHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A scripted course run exits non-zero when the host diagnosis found what blocks the course. */
@Timeout(60)
class ScriptedHostDiagnosisTest {

  @TempDir Path root;

  private ShellHarness shellOn(FakeHost host) throws Exception {
    return shellOn(host, "runc");
  }

  /** The fixture's first lesson, declaring {@code needs}: what the course asks of the host. */
  private ShellHarness shellOn(FakeHost host, String needs) throws Exception {
    Path course = Files.createDirectories(root.resolve("course-" + needs.replace(' ', '-')));
    String lesson = Files.readString(TestPaths.fixtureCourse().resolve("01-files.md"));
    Files.writeString(
        course.resolve("01-files.md"),
        lesson.replaceFirst("\n## ", "\n<!-- needs: " + needs + " -->\n\n## "));
    ShellHarness shell = new ShellHarness(root, course);
    // The runtimes' stand-ins only print versions: no test containers here (RuntimeCheckTest).
    shell.hooks =
        new HostHooks(
            host.inputs().withSmokeRuns(false), shell.course, false, false, Map.of(), List.of());
    return shell;
  }

  /** The fake host, healthy with this machine's static busybox in it. */
  private FakeHost healthyHost() throws Exception {
    Path busybox = Path.of("/bin/busybox");
    assumeTrue(Files.isExecutable(busybox), "busybox-static is installed on this machine");
    FakeHost host = FakeHost.healthy(Files.createDirectories(root.resolve("host")));
    host.script("/bin/busybox", "");
    Files.copy(busybox, host.path("/bin/busybox"), StandardCopyOption.REPLACE_EXISTING);
    return host;
  }

  @Test
  void aBlockingFindingMakesThePassingScriptExitOneAndSaysWhy() throws Exception {
    FakeHost host = healthyHost().remove("/usr/bin/runc");
    ShellHarness shell = shellOn(host);
    int status = shell.run("mkdir -p notes\n:check\n");
    String out = shell.output();
    assertEquals(1, status, out);
    assertTrue(out.contains("PASS Step 1 done"), out);
    assertTrue(
        out.contains(
            "This host cannot do the whole course (runc): :doctor says why and how"
                + " to fix it."),
        out);
  }

  @Test
  void aFailureOfWhatNoLessonNeedsBlocksNothing() throws Exception {
    ShellHarness shell = shellOn(healthyHost().remove("/usr/bin/runc"), "skopeo");
    int status = shell.run("mkdir -p notes\n:check\n");
    String out = shell.output();
    assertEquals(0, status, out);
    assertFalse(out.contains("cannot do the whole course"), out);
  }

  @Test
  void aHostWithOnlyWarningsLetsThePassingScriptExitZero() throws Exception {
    ShellHarness shell = shellOn(healthyHost());
    int status = shell.run("mkdir -p notes\n:check\n");
    String out = shell.output();
    assertEquals(0, status, out);
    assertFalse(out.contains("cannot do the whole course"), out);
  }
}
