package dev.rootlessctr.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A learner who has only the playground README open types its commands verbatim, in its order, with
 * its own {@code --root /tmp/runc}, and no {@code :} command at all: busybox stands in for alpine
 * (offline, the mirror serves busybox), the README's line without {@code run} is typed too, and the
 * home mount is added by a one-line edit. Every step must be credited and explained right after the
 * line that did it, and nothing may be explained from another step's context.
 */
@Timeout(600)
class PlaygroundReadmeIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration PULL = Duration.ofSeconds(240);

  /** The README's own state directory. */
  private static final Path README_ROOT = Path.of("/tmp/runc");

  private static Path stage;

  @BeforeAll
  static void stage() throws Exception {
    stage = Staging.stageProgram();
  }

  @Test
  void theReadmesCommandsVerbatimAreEachCreditedAndExplained() throws Exception {
    CourseWorld world = CourseWorld.create("rctr-readme-").withEnvironment();
    String user = world.user;
    long uid = world.uid;
    if (Files.exists(README_ROOT, LinkOption.NOFOLLOW_LINKS)) {
      long owner =
          ((Number) Files.getAttribute(README_ROOT, "unix:uid", LinkOption.NOFOLLOW_LINKS))
              .longValue();
      Assumptions.assumeTrue(
          owner == uid,
          README_ROOT + " belongs to uid " + owner + ": the README's state directory is taken");
      world.asUser("rm", "-rf", README_ROOT.toString());
    }
    String home = world.home.toString();
    try (PtySession shell = world.startShell(stage)) {
      try {
        shell.await("Step 1/2: Copy busybox into an OCI layout", WAIT);
        prompt(shell);

        String pull =
            typed(
                shell,
                "skopeo --insecure-policy copy docker://busybox:latest oci:busybox:latest",
                "Next: :next",
                PULL);
        assertTrue(pull.contains("Step 1 done: Copy busybox into an OCI layout"), pull);

        String mkdir = typed(shell, "mkdir -p busybox-bundle/rootfs", "Good, that is", WAIT);
        assertTrue(
            flat(mkdir)
                .contains(
                    "Good, that is lesson 2's first command. Next: oci-image-tool unpack --ref"
                        + " name=latest busybox busybox-bundle/rootfs"),
            mkdir);

        String unpack =
            typed(
                shell,
                "oci-image-tool unpack --ref name=latest busybox busybox-bundle/rootfs",
                ": :next shows it.",
                WAIT);
        assertTrue(
            unpack.contains("Step 1 done: Unpack the layers into a rootfs (lesson 2)"), unpack);
        assertTrue(flat(unpack).contains("Every file belongs to " + user + ", not root"), unpack);
        assertTrue(flat(unpack).contains("You are now at lesson 3, Write a rootless spec"), unpack);

        String spec = typed(shell, "runc spec --rootless -b busybox-bundle", "Next: :next", WAIT);
        assertTrue(spec.contains("Step 1 done: Generate config.json"), spec);
        assertTrue(
            flat(spec).contains("The mapping here is 0 -> " + uid + " (" + user + ")"), spec);

        // The README's line lacks 'run': runc's usage error, folded, and the line it meant.
        String noRun =
            typed(
                shell, "runc --root /tmp/runc -b busybox-bundle myctr", "You probably meant", WAIT);
        assertTrue(noRun.contains("flag provided but not defined: -b"), noRun);
        assertTrue(flat(noRun).contains("runc did not run: it was called wrongly"), noRun);
        assertTrue(
            flat(noRun)
                .contains("You probably meant: runc --root /tmp/runc run -b busybox-bundle myctr"),
            noRun);

        // The run: ip a and the touch of the README, in one container session.
        shell.type("runc --root /tmp/runc run -b busybox-bundle myctr\r");
        shell.await("/ # ", WAIT);
        // busybox redraws its prompt when runc sizes the console: wait for what the line prints.
        shell.type("ip a\r");
        String ip = shell.await("LOOPBACK", WAIT) + shell.await("/ # ", WAIT);
        assertTrue(ip.contains("LOOPBACK"), ip);
        assertTrue(
            Files.isDirectory(README_ROOT.resolve("myctr")),
            "runc keeps the container in the README's --root");
        shell.type("touch /tmp/toto\r");
        String touched = shell.await("Read-only file system", WAIT) + shell.await("/ # ", WAIT);
        assertTrue(touched.contains("Read-only file system"), touched);
        shell.type("exit\r");
        String ran = shell.await(": :next shows it.", WAIT);
        prompt(shell);
        String flatRan = flat(ran);
        assertTrue(
            flatRan.contains(
                "While it ran, rootless-ctr looked from outside (in your --root /tmp/runc), as a"
                    + " second terminal would:"),
            ran);
        int four = ran.indexOf("Step 1 done: Start a shell in the container (lesson 4)");
        int five = ran.indexOf("Step 1 done: Try to create a file (lesson 5)");
        assertTrue(four > 0 && five > four, "lessons 4 and 5, in course order:\n" + ran);
        assertTrue(flatRan.contains("that is you, " + user), ran);
        assertTrue(flatRan.contains("the same one (shared: true)"), ran);
        assertTrue(
            java.util.regex.Pattern.compile("showed / mounted with options ro[,\\w]*")
                .matcher(flatRan)
                .find(),
            ran);
        assertTrue(
            flatRan.contains("You are now at lesson 6, Share your home with the container"), ran);

        // The README's "other terminal" lines, typed here afterwards: list works; status is
        // no runc command, and the tutor names the one the README meant.
        typed(shell, "runc --root /tmp/runc list", "ID", WAIT);
        String status =
            typed(shell, "runc --root /tmp/runc status myctr", "You probably meant", WAIT);
        assertTrue(
            flat(status).contains("You probably meant: runc --root /tmp/runc state myctr"), status);

        // The mount, added with a one-line edit of the learner's own.
        String edit =
            "python3 -c 'import json,os; p=\"busybox-bundle/config.json\"; c=json.load(open(p));"
                + " h=os.environ[\"HOME\"]; c[\"mounts\"].append({\"destination\": h, \"type\":"
                + " \"bind\", \"source\": h, \"options\": [\"rbind\", \"rw\"]}); json.dump(c,"
                + " open(p, \"w\"), indent=2)'";
        String mounted = typed(shell, edit, "Next: :next", WAIT);
        assertTrue(mounted.contains("Step 1 done: Add a bind mount to config.json"), mounted);
        JsonNode mounts =
            JSON.readTree(world.bundle.resolve("config.json").toFile()).path("mounts");
        assertEquals(home, mounts.get(mounts.size() - 1).path("source").asText());

        shell.type("runc --root /tmp/runc run -b busybox-bundle myctr\r");
        shell.await("/ # ", WAIT);
        shell.type("id\r");
        shell.await("uid=0(root)", WAIT);
        shell.await("/ # ", WAIT);
        shell.type("touch " + home + "/rootless-ctr-was-here\r");
        shell.await("/ # ", WAIT);
        shell.type("exit\r");
        String shared = shell.await("Step 3/3: Where to go from here", WAIT);
        assertTrue(shared.contains("Step 2 done: Write to your home from the container"), shared);
        assertTrue(
            flat(shared).contains("owned on the host by " + user + " (uid " + uid + ")"), shared);
        assertTrue(flat(shared).contains("That was the whole course: every step is done."), shared);
        assertTrue(flat(shared).contains("root inside was " + user + " outside"), shared);
        assertEquals(user, Files.getOwner(world.home.resolve("rootless-ctr-was-here")).getName());
        prompt(shell);

        // Nothing was explained from another step's context, and nothing was left undone.
        String all = shell.all();
        assertFalse(all.contains("That is a known mistake"), all);
        assertFalse(all.contains("Not done yet"), all);
        assertFalse(all.contains("{{"), all);
        shell.quitCleanly(WAIT);
        // Saved in the background while the shell runs: read once it has left.
        JsonNode progress = JSON.readTree(Files.readString(progressFile(world)));
        for (String lesson : List.of("pull", "unpack", "spec", "run", "readonly")) {
          assertTrue(
              progress.at("/completed/" + lesson).toString().contains("1"),
              lesson + " not credited: " + progress);
        }
        assertTrue(
            progress.at("/completed/home-mount").toString().matches(".*1.*2.*"),
            progress.toString());
      } catch (Throwable t) {
        System.out.println("---- the screen ----\n" + shell.all());
        throw t;
      }
    } finally {
      world.asUser("rm", "-rf", README_ROOT.toString());
    }
    world.delete();
  }

  /** Types {@code line} and returns what the shell printed for it, up to {@code until}. */
  private static String typed(PtySession shell, String line, String until, Duration wait)
      throws Exception {
    shell.type(line + "\r");
    String shown = shell.await(until, wait);
    String rest = shell.await("/lab $ ", WAIT); // up to the next prompt: all the shell said
    System.out.println(shown + rest);
    return shown + rest;
  }

  private static Path progressFile(CourseWorld world) throws Exception {
    try (var files = Files.list(world.base.resolve("xdg/state/rootless-ctr"))) {
      return files
          .filter(f -> f.getFileName().toString().matches("progress-.*\\.json"))
          .findFirst()
          .orElseThrow();
    }
  }

  private static void prompt(PtySession shell) throws InterruptedException {
    shell.await("/lab $ ", WAIT);
  }

  private static String flat(String text) {
    return CourseWorld.flat(text);
  }
}
