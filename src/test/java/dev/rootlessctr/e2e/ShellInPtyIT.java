package dev.rootlessctr.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Starts {@code ./rootless-ctr} in a real pseudo-terminal as an unprivileged user and completes the
 * fixture course by typing, including an interactive program and a Ctrl-C.
 */
@Timeout(120)
class ShellInPtyIT {

  private static Path stage;

  @BeforeAll
  static void stage() throws Exception {
    stage = Staging.stageProgram();
  }

  private PtySession start(Path home) throws Exception {
    Map<String, String> env =
        Map.of(
            "XDG_STATE_HOME",
            home.resolve("state").toString(),
            "XDG_CACHE_HOME",
            home.resolve("cache").toString(),
            "LANG",
            "C.UTF-8");
    return PtySession.start(
        Staging.asTestUser(),
        env,
        stage.resolve("rootless-ctr")
            + " --lessons "
            + stage.resolve("fixture")
            + " --lab "
            + home.resolve("lab"));
  }

  @Test
  void completesTheFixtureCourseByTyping() throws Exception {
    Path home = Staging.userDir("rctr-pty-");
    Duration wait = Duration.ofSeconds(20);
    try (PtySession shell = start(home)) {
      shell.await("Step 1/3: Make a directory", wait);
      shell.await("$ ", wait);
      shell.type("mkdir -p notes\r");
      String done = shell.await("Next: :next", wait);
      assertTrue(done.contains("Step 1 done: Make a directory"), done);
      assertTrue(done.contains("You are " + Staging.testUser()), done);

      shell.type(":open 2\r");
      shell.await("Step 1/3: Answer a question", wait);
      shell.await("$ ", wait);
      // The prompt is computed so that the echo of the typed line cannot be mistaken for it.
      shell.type("read -p \"$(printf 'na%s' me)? \" name && echo \"hello $name\"\r");
      shell.await("name? ", wait);
      shell.type("Ada\r");
      String answered = shell.await("Step 1 done: Answer a question", wait);
      assertTrue(answered.contains("hello Ada"), answered);

      shell.type(":next\r");
      shell.await("Step 2/3: Wait and interrupt", wait);
      shell.await("$ ", wait);
      long start = System.nanoTime();
      shell.type("sleep 30\r");
      shell.await("still running: sleep 30", wait);
      shell.type("\u0003");
      String interrupted = shell.await("Step 2 done: Wait and interrupt", wait);
      long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
      assertTrue(seconds < 15, "Ctrl-C stopped sleep after " + seconds + " s");
      assertTrue(interrupted.contains("(interrupted)"), interrupted);
      String explained = shell.await("shell is still here", wait);
      assertTrue(explained.contains("exit status 130"), explained);

      shell.await("$ ", wait);
      shell.type("echo still-here-$((6*7))\r");
      shell.await("still-here-42", wait);
      shell.await("$ ", wait);
      // Output that is not UTF-8 (vim under a POSIX locale writes such bytes) is still output.
      shell.type("printf 'caf\\351 latin1-%s\\n' done\r");
      String latin1 = shell.await("latin1-done", wait);
      shell.await("$ ", wait);
      assertFalse(shell.all().contains("could not run that line"), latin1);
      // Typed ahead while a short command runs: the next line is not lost with the command.
      shell.type("sleep 0.05\r:status\r");
      shell.await("Lab directory:", wait);
      shell.await("$ ", wait);
      shell.type(":quit\r");
      assertEquals(0, shell.waitFor(wait), shell.all());
    }
    String progress =
        Files.readString(
            dev.rootlessctr.progress.ProgressFiles.forCourse(
                home.resolve("state/rootless-ctr"), stage.resolve("fixture")));
    assertTrue(progress.contains("\"interactive\""), progress);
    Staging.run("rm", "-rf", "--one-file-system", home.toString()); // kept only after a failure
  }

  /**
   * Under {@code runuser USER -c} (as under {@code su -c}) the shell shares its process group with
   * runuser, which answers a SIGINT by killing it. Ctrl-C at the prompt must be a key.
   */
  @Test
  void ctrlCAtThePromptUnderRunuserDashCNeverEndsTheShell() throws Exception {
    assumeTrue(
        Staging.runningAsRoot() && !Staging.testUser().equals("root"),
        "runuser -c needs root and a test user");
    Path home = Staging.userDir("rctr-pty-");
    Duration wait = Duration.ofSeconds(20);
    String inner =
        "XDG_STATE_HOME="
            + home.resolve("state")
            + " XDG_CACHE_HOME="
            + home.resolve("cache")
            + " LANG=C.UTF-8 HTTPS_PROXY=http://127.0.0.1:9 exec "
            + stage.resolve("rootless-ctr")
            + " --lessons "
            + stage.resolve("fixture")
            + " --lab "
            + home.resolve("lab")
            + " --registry online";
    try (PtySession shell =
        PtySession.start(
            List.of(), Map.of(), "runuser " + Staging.testUser() + " -c '" + inner + "'")) {
      shell.await("$ ", wait);
      for (int i = 0; i < 20; i++) {
        shell.type(i % 2 == 0 ? "\u0003" : "half " + i + "\u0003");
        shell.await("Ctrl-C cancels the line", wait);
        shell.await("$ ", wait);
      }
      // A burst, faster than the shell redraws its prompt: some land between two reads.
      for (int i = 0; i < 30; i++) {
        shell.type("\u0003");
        Thread.sleep(15);
      }
      Thread.sleep(1000);
      shell.type("echo alive-$((40+2))\r");
      shell.await("alive-42", wait);
      shell.await("$ ", wait);
      shell.quitCleanly(wait);
      assertFalse(shell.all().contains("killing shell"), shell.all());
    }
    Staging.run("rm", "-rf", "--one-file-system", home.toString());
  }

  @Test
  void ctrlCAtThePromptNeverLeavesAndCtrlDDoes() throws Exception {
    Path home = Staging.userDir("rctr-pty-");
    Duration wait = Duration.ofSeconds(20);
    try (PtySession shell = start(home)) {
      shell.await("$ ", wait);
      shell.type("half a line\u0003");
      shell.await("Ctrl-C cancels the line", wait);
      shell.await("$ ", wait);
      shell.type("\u0004");
      assertEquals(0, shell.waitFor(wait), shell.all());
      assertFalse(shell.all().contains("Exception"), shell.all());
    }
    Staging.run("rm", "-rf", "--one-file-system", home.toString());
  }
}
