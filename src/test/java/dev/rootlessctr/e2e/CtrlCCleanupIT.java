package dev.rootlessctr.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ctrl-C and signals while lesson 4's container runs in the course shell: whatever way the learner
 * or the system ends it, no runc container and no container process is left behind.
 */
@Timeout(600)
class CtrlCCleanupIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  private static Path stage;

  @BeforeAll
  static void stage() throws Exception {
    stage = Staging.stageProgram();
  }

  /** A lab with lessons 1 to 3 done, through the shell's scripted mode. */
  private static CourseWorld preparedLab() throws Exception {
    CourseWorld world = CourseWorld.create("rctr-ctrlc-").withEnvironment();
    Path steps = world.base.resolve("steps.txt");
    List<String> lines = new java.util.ArrayList<>(List.of(":open 1"));
    lines.addAll(ScriptedCourse.LESSONS_1_TO_3);
    lines.addAll(List.of(":quit", ""));
    Files.writeString(steps, String.join("\n", lines));
    String out =
        world.run(
            steps,
            stage.resolve("rootless-ctr").toString(),
            "--lessons",
            stage.resolve("lessons/rootless").toString(),
            "--lab",
            world.lab.toString());
    assertTrue(out.contains("Step 1 done: Generate config.json"), out);
    assertTrue(Files.isRegularFile(world.bundle.resolve("config.json")), out);
    return world;
  }

  /** Opens lesson 4 and starts the container; returns its pid, checked to be running. */
  private static long startContainer(CourseWorld world, PtySession shell) throws Exception {
    shell.await("/lab $ ", WAIT);
    shell.type(":open 4\r");
    shell.await("Step 1/1: Start a shell in the container", WAIT);
    shell.await("/lab $ ", WAIT);
    return runContainer(world, shell);
  }

  /** At the prompt: starts the container; returns its pid, checked to be running. */
  private static long runContainer(CourseWorld world, PtySession shell) throws Exception {
    shell.type("runc --root \"$RUNC_ROOT\" run -b busybox-bundle myctr\r");
    shell.await("/ # ", WAIT);
    Map<String, JsonNode> running = world.runcList();
    assertEquals("running", running.get("myctr").path("status").asText(), running.toString());
    long pid = running.get("myctr").path("pid").asLong();
    assertTrue(
        world.leftovers().stream().anyMatch(l -> l.pid() == pid),
        "the scan sees the container's sh: " + world.leftovers());
    return pid;
  }

  private static void assertNothingLeft(CourseWorld world) throws Exception {
    assertEquals(
        List.of(),
        world.leftoversAfter(Duration.ofSeconds(10)),
        "no process of the lab's containers is left");
    assertEquals(Map.of(), world.runcList(), "no container is left in " + world.runcRoot);
  }

  /** Removes the lab once a test passed (after a failure it stays, to be looked at). */
  private static void done(CourseWorld world) throws Exception {
    world.delete();
  }

  @Test
  void ctrlCGoesToTheContainersShellAndExitOrCtrlDLeaveNothing() throws Exception {
    CourseWorld world = preparedLab();
    try (PtySession shell = world.startShell(stage)) {
      try {
        long pid = startContainer(world, shell);
        shell.type("ip a\r");
        shell.await("LOOPBACK", WAIT);
        shell.await("/ # ", WAIT);
        // Ctrl-C interrupts what runs inside; the container and its sh stay.
        shell.type("sleep 1000\r");
        Thread.sleep(300);
        shell.type("\u0003");
        shell.await("/ # ", WAIT);
        shell.type("echo alive-$((6*7))\r");
        shell.await("alive-42", WAIT);
        shell.await("/ # ", WAIT);
        assertEquals(
            pid,
            world.runcList().get("myctr").path("pid").asLong(),
            "Ctrl-C did not stop the container");
        shell.type("exit\r");
        String back = shell.await("/lab $ ", WAIT);
        System.out.println(back);
        assertTrue(back.contains("Step 1 done: Start a shell in the container"), back);
        assertFalse(
            back.contains("(interrupted)"),
            "the container's sh took the Ctrl-C and exited normally: " + back);
        assertNothingLeft(world);

        // Again, and leave the container's sh with Ctrl-C then Ctrl-D.
        runContainer(world, shell);
        shell.type("\u0003");
        shell.await("/ # ", WAIT);
        shell.type("\u0004");
        String again = shell.await("/lab $ ", WAIT);
        System.out.println(again);
        assertNothingLeft(world);

        shell.quitCleanly(WAIT);
      } catch (Throwable t) {
        System.out.println("---- the screen ----\n" + shell.all());
        throw t;
      }
    }
    assertNothingLeft(world);
    done(world);
  }

  @Test
  void sigtermWhileTheContainerRunsLeavesNothing() throws Exception {
    signalWhileTheContainerRuns("TERM");
  }

  @Test
  void sighupWhileTheContainerRunsLeavesNothing() throws Exception {
    signalWhileTheContainerRuns("HUP");
  }

  /** The shells' private scratch directories (typescripts, state files) now in /tmp. */
  private static Set<Path> scratchDirs() throws IOException {
    try (var entries = Files.list(Path.of("/tmp"))) {
      return entries
          .filter(p -> p.getFileName().toString().matches("rootless-ctr-scratch-\\d+-\\d+-\\d+"))
          .collect(Collectors.toSet());
    }
  }

  private void signalWhileTheContainerRuns(String signal) throws Exception {
    CourseWorld world = preparedLab();
    Set<Path> scratchBefore = scratchDirs();
    try (PtySession shell = world.startShell(stage)) {
      try {
        startContainer(world, shell);
        busy(shell);
        ProcessHandle java = javaOf(shell);
        int before = shell.all().length();
        long start = System.nanoTime();
        kill(signal, java.pid());
        assertTrue(java.onExit().get(30, TimeUnit.SECONDS) != null);
        System.out.printf(
            "SIG%s: the shell ended %.1f s after the signal%n",
            signal, (System.nanoTime() - start) / 1e9);
        assertNothingLeft(world);
        Set<Path> left = scratchDirs();
        left.removeAll(scratchBefore);
        assertEquals(Set.of(), left, "the shell's scratch directory is removed after SIG" + signal);
        Thread.sleep(200);
        String after = shell.all().substring(before);
        System.out.println("after SIG" + signal + ": [" + after + "]");
        // Stopped by a signal, the shell cleans up without a word: no report of the cut-off
        // command, no goodbye, no stack trace.
        for (String word :
            List.of(
                "While it ran",
                "Step 1 done",
                "Not done yet",
                "deleted container",
                "Progress saved",
                "Exception")) {
          assertFalse(after.contains(word), "after SIG" + signal + " the shell printed: " + after);
        }
      } catch (Throwable t) {
        System.out.println("---- the screen ----\n" + shell.all());
        throw t;
      }
    }
    done(world);
  }

  @Test
  void closingTheTerminalWhileTheContainerRunsLeavesNothing() throws Exception {
    CourseWorld world = preparedLab();
    try (PtySession shell = world.startShell(stage)) {
      try {
        startContainer(world, shell);
        busy(shell);
        ProcessHandle java = javaOf(shell);
        // The script(1) that holds the terminal's master side: killing it hangs the terminal up,
        // and the kernel sends SIGHUP to the shell, its session leader.
        // Run as root the session is runuser with script(1) below it; run as the learner it is
        // script(1) itself.
        ProcessHandle terminal =
            Stream.concat(Stream.of(shell.handle()), shell.handle().descendants())
                .filter(
                    p ->
                        CourseWorld.cmdline(Path.of("/proc", Long.toString(p.pid())))
                            .startsWith("script -q -e -c stty"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no script(1) under the session"));
        long start = System.nanoTime();
        kill("KILL", terminal.pid());
        assertTrue(java.onExit().get(30, TimeUnit.SECONDS) != null);
        System.out.printf(
            "terminal closed: the shell ended %.1f s later%n", (System.nanoTime() - start) / 1e9);
        assertNothingLeft(world);
      } catch (Throwable t) {
        System.out.println("---- the screen ----\n" + shell.all());
        throw t;
      }
    }
    done(world);
  }

  /**
   * Keeps the container's sh busy in a long command, as a learner would be: an sh waiting at its
   * prompt would also end on the end of its input when the shell's side of the pipe closes.
   */
  private static void busy(PtySession shell) throws Exception {
    shell.type("sleep 1000\r");
    shell.await("sleep 1000", WAIT);
    Thread.sleep(300);
  }

  /** The JVM of the course shell in the session. */
  private static ProcessHandle javaOf(PtySession shell) {
    return shell
        .handle()
        .descendants()
        .filter(
            p ->
                CourseWorld.cmdline(Path.of("/proc", Long.toString(p.pid())))
                    .contains("rootless-ctr.jar"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no rootless-ctr JVM in the session"));
  }

  private static void kill(String signal, long pid) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
    assertEquals(0, kill.waitFor(), "kill -" + signal + " " + pid);
  }
}
