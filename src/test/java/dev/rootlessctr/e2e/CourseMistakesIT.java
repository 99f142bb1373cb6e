package dev.rootlessctr.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rootlessctr.e2e.ScriptedCourse.Learner;
import dev.rootlessctr.e2e.ScriptedCourse.Run;
import dev.rootlessctr.lesson.Mistake;
import dev.rootlessctr.render.PlaceholderNodeRenderer;
import dev.rootlessctr.render.Style;
import dev.rootlessctr.render.TerminalRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every mistake the rootless course promises to recognise, made for real through the real shell as
 * the unprivileged test user: the tool's own error must appear, and the shell must answer with the
 * explanation the lesson's Mistakes list gives (or, for config.json, the check must say where the
 * problem is and what to fix).
 */
@Timeout(180)
class CourseMistakesIT {

  /**
   * A lab where lessons 1-3 were done through the shell: busybox pulled, unpacked, rootless spec.
   */
  private static Learner prepared;

  private final List<Learner> learners = new ArrayList<>();

  @BeforeAll
  static void prepareLab() throws Exception {
    prepared = ScriptedCourse.newLearner();
    Run run = prepared.type(ScriptedCourse.LESSONS_1_TO_3.toArray(String[]::new));
    assertEquals(0, run.exit(), "lessons 1-3 did not pass through the shell:\n" + run.output());
  }

  @AfterAll
  static void removePrepared() {
    if (prepared != null) {
      prepared.remove();
    }
  }

  @AfterEach
  void removeLearners() {
    learners.forEach(Learner::remove);
  }

  private Learner learner(boolean withPreparedLab) throws Exception {
    Learner learner = ScriptedCourse.newLearner();
    learners.add(learner);
    if (withPreparedLab) {
      learner.copyLabFrom(prepared);
    }
    return learner;
  }

  /** The shell printed the lesson's explanation for {@code pattern} as a known mistake. */
  private static void assertExplained(String shown, int lesson, String pattern) throws Exception {
    assertExplained(shown, lesson, pattern, null);
  }

  private static void assertExplained(String shown, int lesson, String pattern, Learner learner)
      throws Exception {
    Mistake mistake = ScriptedCourse.mistake(lesson, pattern);
    Map<String, String> values =
        learner == null ? Map.of() : Map.of("home", learner.home().toString());
    String explanation =
        TerminalRenderer.builder()
            .width(10_000)
            .style(Style.of(false))
            .build()
            .renderToAnsi(mistake.explanation().document(), values);
    assertFalse(
        explanation.contains(PlaceholderNodeRenderer.MISSING),
        "unfilled placeholder in " + explanation);
    String flat = ScriptedCourse.flatten(shown);
    assertTrue(
        flat.contains("That is a known mistake: \"" + pattern + "\""),
        "no known-mistake notice for `" + pattern + "` in:\n" + shown);
    assertTrue(
        flat.contains(ScriptedCourse.flatten(explanation)),
        "the lesson's explanation for `"
            + pattern
            + "` ("
            + explanation
            + ") is not in:\n"
            + shown);
  }

  /** :check, after a failed command, repeats the known mistake. */
  private static void assertCheckRecalls(Run run, String pattern) {
    assertCheckRecalls(run, 1, pattern);
  }

  private static void assertCheckRecalls(Run run, int n, String pattern) {
    String check = run.after(":check", n);
    assertTrue(check.contains("FAIL "), check);
    assertTrue(check.contains("Known mistake: \"" + pattern + "\""), check);
  }

  @Test
  void unpackBeforePullSaysPullFirst() throws Exception {
    Learner learner = learner(false);
    String unpack = "oci-image-tool unpack --ref name=latest busybox busybox-bundle/rootfs";
    Run run = learner.type(":open 2", "mkdir -p busybox-bundle/rootfs", unpack, ":check");

    assertEquals(1, run.exit(), run.output());
    String shown = run.after(unpack);
    // oci-image-tool's own words, passed through unchanged
    assertTrue(shown.contains("level=fatal"), shown);
    assertTrue(
        shown.contains(
            "autodetection failed: unable to access path: stat busybox: no such file or directory"),
        shown);
    assertExplained(shown, 2, "stat busybox: no such file or directory");
    assertTrue(ScriptedCourse.flatten(shown).contains("Pull it first"), shown);
    assertFalse(Files.exists(learner.lab().resolve("busybox")), "there was no image to unpack");
    String check = run.after(":check");
    assertTrue(check.contains("FAIL exit status 0"), check);
    assertTrue(check.contains("busybox-bundle/rootfs is empty"), check);
  }

  @Test
  void runcWithoutRootTriesRunRunc() throws Exception {
    Learner learner = learner(true);
    String run = "runc run -b busybox-bundle myctr";
    try {
      // No XDG_RUNTIME_DIR, as after su or runuser: runc falls back to /run/runc.
      Run session = learner.type(false, ":open 4", run, ":check");
      assertEquals(1, session.exit(), session.output());
      String shown = session.after(run);
      assertTrue(shown.contains("runc run failed: mkdir /run/runc: permission denied"), shown);
      assertExplained(shown, 4, "mkdir /run/runc: permission denied");
      // Nothing was ever there to look at: one line says so, not one failure per probe.
      String outside =
          ScriptedCourse.flatten(
              shown.substring(
                  0, shown.indexOf(":check") < 0 ? shown.length() : shown.indexOf(":check")));
      assertTrue(
          outside.contains(
              "While it ran, rootless-ctr looked from outside and saw nothing to check: runc has no"
                  + " container named myctr"),
          shown);
      assertFalse(outside.contains("probe uid-map myctr"), shown);
      assertCheckRecalls(session, "mkdir /run/runc: permission denied");
      assertFalse(
          Files.exists(Path.of("/run/runc/myctr")),
          "runc must not have made a container in /run/runc");
    } finally {
      learner.deleteContainer("myctr");
    }
  }

  @Test
  void plainSpecIsNotRootless() throws Exception {
    Learner learner = learner(true);
    String run = "runc --root \"$RUNC_ROOT\" run -b busybox-bundle myctr";
    try {
      Run session =
          learner.type(
              ":open 3",
              "rm busybox-bundle/config.json",
              "runc spec -b busybox-bundle",
              ":check",
              ":open 4",
              run,
              ":check");
      assertEquals(1, session.exit(), session.output());
      String spec = session.after(":check", 1);
      assertTrue(
          ScriptedCourse.flatten(spec)
              .contains("has no linux.uidMappings: it is not a rootless spec"),
          spec);
      String config = Files.readString(learner.lab().resolve("busybox-bundle/config.json"));
      assertFalse(config.contains("uidMappings"), "runc spec wrote a plain spec:\n" + config);

      String shown = session.after(run);
      assertTrue(
          shown.contains("runc run failed: rootless container requires user namespaces"), shown);
      assertExplained(shown, 4, "rootless container requires user namespaces");
      assertCheckRecalls(session, 2, "rootless container requires user namespaces");
    } finally {
      learner.deleteContainer("myctr");
    }
  }

  @Test
  void aNameAlreadyInUse() throws Exception {
    Learner learner = learner(true);
    String again = "runc --root \"$RUNC_ROOT\" run -b busybox-bundle myctr";
    try {
      Run session =
          learner.type(
              ":open 4",
              "sed -i 's/\"terminal\": true/\"terminal\": false/' busybox-bundle/config.json",
              "runc --root \"$RUNC_ROOT\" run -d -b busybox-bundle myctr </dev/null >/dev/null"
                  + " 2>&1",
              "runc --root \"$RUNC_ROOT\" list",
              again,
              ":check");
      assertEquals(1, session.exit(), session.output());
      String list = session.after("runc --root \"$RUNC_ROOT\" list");
      assertTrue(
          list.lines().anyMatch(l -> l.startsWith("myctr ")),
          "the detached container is listed:\n" + list);
      String shown = session.after(again);
      assertTrue(shown.contains("runc run failed: container with given ID already exists"), shown);
      assertExplained(shown, 4, "container with given ID already exists");
      assertCheckRecalls(session, "container with given ID already exists");
      // the explanation's command is the way out: it really removes the container
      Run delete = learner.runc("delete", "--force", "myctr");
      assertEquals(0, delete.exit(), delete.output());
      assertFalse(learner.runc("list").output().contains("myctr"));
    } finally {
      learner.deleteContainer("myctr");
    }
  }

  @Test
  void detachedWithATerminal() throws Exception {
    Learner learner = learner(true);
    String run = "runc --root \"$RUNC_ROOT\" run -d -b busybox-bundle myctr";
    try {
      Run session = learner.type(":open 4", run, ":check");
      assertEquals(1, session.exit(), session.output());
      assertTrue(
          Files.readString(learner.lab().resolve("busybox-bundle/config.json"))
              .contains("\"terminal\": true"));
      String shown = session.after(run);
      assertTrue(
          shown.contains(
              "runc run failed: cannot allocate tty if runc will detach without setting console"
                  + " socket"),
          shown);
      assertExplained(shown, 4, "cannot allocate tty if runc will detach");
      assertCheckRecalls(session, "cannot allocate tty if runc will detach");
      assertFalse(learner.runc("list").output().contains("myctr"), "nothing was started");
    } finally {
      learner.deleteContainer("myctr");
    }
  }

  @Test
  void aTrailingCommaIsShownWhereItIs() throws Exception {
    Learner learner = learner(true);
    String run = "runc --root \"$RUNC_ROOT\" run -b busybox-bundle myctr";
    try {
      Run session =
          learner.type(
              ":open 6",
              "sed -i 's/\"readonly\": true/\"readonly\": true,/' busybox-bundle/config.json",
              ":check",
              run);
      assertEquals(1, session.exit(), session.output());
      // Where the comma really is, from the file as sed left it.
      List<String> lines = Files.readAllLines(learner.lab().resolve("busybox-bundle/config.json"));
      int line = 0;
      while (!lines.get(line).contains("\"readonly\": true,")) {
        line++;
      }
      String offending = lines.get(line);
      int column = offending.indexOf(',') + 1;
      String check = session.after(":check");
      assertTrue(check.contains("FAIL probe home-mount busybox-bundle"), check);
      assertTrue(
          check.contains(
              "busybox-bundle/config.json line " + (line + 1) + ", column " + column + ":"),
          check);
      assertTrue(check.contains("comma"), check);
      assertTrue(
          check.contains("  " + (line + 1) + " | " + offending + "\n"),
          "the offending line is shown:\n" + check);

      String shown = session.after(run);
      assertTrue(
          shown.contains(
              "runc run failed: invalid character '}' looking for beginning of object key string"),
          shown);
      assertExplained(shown, 6, "invalid character");
    } finally {
      learner.deleteContainer("myctr");
    }
  }

  @Test
  void aMountInTheWrongPlaceOrRelative() throws Exception {
    Learner learner = learner(true);
    String mount =
        "{\"destination\": \"%s\", \"type\": \"bind\", \"source\": \"%s\", \"options\": [\"rbind\","
            + " \"rw\"]}";
    String home = learner.home().toString();
    try {
      Run session =
          learner.type(
              ":open 6",
              "cp busybox-bundle/config.json runc-spec.json",
              // pasted inside "process"
              "printf '\"mounts\": [" + mount + "],\\n' \"$HOME\" \"$HOME\" > snippet",
              "sed -i '/\"process\": {/r snippet' busybox-bundle/config.json",
              ":check",
              // its fields pasted at the top level
              "cp runc-spec.json busybox-bundle/config.json",
              "printf '\"destination\": \"%s\", \"type\": \"bind\", \"source\": \"%s\","
                  + " \"options\": [\"rbind\", \"rw\"],\\n"
                  + "' \"$HOME\" \"$HOME\" > snippet",
              "sed -i '1r snippet' busybox-bundle/config.json",
              ":check",
              // in "mounts", but the source written without its leading slash
              "cp runc-spec.json busybox-bundle/config.json",
              "printf '" + mount + ",\\n' \"$HOME\" \"${HOME#/}\" > snippet",
              "sed -i '/\"mounts\": \\[/r snippet' busybox-bundle/config.json",
              ":check",
              // what runc makes of that relative source
              ":next",
              "sed -i 's/\"terminal\": true/\"terminal\": false/' busybox-bundle/config.json",
              "runc --root \"$RUNC_ROOT\" run -b busybox-bundle myctr");
      assertEquals(1, session.exit(), session.output());

      String inProcess = ScriptedCourse.flatten(session.after(":check", 1));
      assertTrue(
          inProcess.contains(
              "found a mount of "
                  + home
                  + ", but it is at process.mounts[0] in busybox-bundle/config.json"),
          inProcess);
      assertTrue(
          inProcess.contains("runc only reads mounts from the top-level \"mounts\" list"),
          inProcess);

      String topLevel = ScriptedCourse.flatten(session.after(":check", 2));
      assertTrue(
          topLevel.contains(
              "found a mount of "
                  + home
                  + ", but its fields are at the top level of busybox-bundle/config.json"),
          topLevel);
      assertTrue(
          topLevel.contains("add it as one more { ... } entry inside \"mounts\": [ ... ]"),
          topLevel);

      String relative = ScriptedCourse.flatten(session.after(":check", 3));
      String source = home.substring(1);
      assertTrue(
          relative.contains(
              "busybox-bundle/config.json mounts[0]: \"source\" is the relative path \""
                  + source
                  + "\""),
          relative);
      assertTrue(
          relative.contains("\"/" + source + "\""),
          "the fix, the absolute path, is named:\n" + relative);

      String shown = session.after("runc --root \"$RUNC_ROOT\" run -b busybox-bundle myctr");
      String bundle = learner.lab().resolve("busybox-bundle").toString();
      assertTrue(
          shown.contains("stat " + bundle + "/" + source + ": no such file or directory"),
          "runc looked for the relative source inside the bundle:\n" + shown);
      assertExplained(shown, 6, "error mounting", learner);
    } finally {
      learner.deleteContainer("myctr");
    }
  }

  @Test
  void refusesToRunAsRoot() throws Exception {
    assumeTrue(
        Staging.runningAsRoot(),
        "the shell's refusal of root can only be seen when the tests run as root");
    Path program = ScriptedCourse.stage();
    Path home = Files.createTempDirectory(Path.of("/tmp"), "rctr-mistakes-root-");
    try {
      Path lab = home.resolve("lab");
      ProcessBuilder builder =
          new ProcessBuilder(
                  "env",
                  "-i",
                  "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                  "HOME=" + home,
                  "LANG=C.UTF-8",
                  "XDG_STATE_HOME=" + home.resolve("state"),
                  "XDG_CACHE_HOME=" + home.resolve("cache"),
                  "XDG_CONFIG_HOME=" + home.resolve("config"),
                  program.resolve("rootless-ctr").toString(),
                  "--lessons",
                  program.resolve("lessons/rootless").toString(),
                  "--lab",
                  lab.toString())
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes());
      assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
      assertEquals(1, process.exitValue(), output);
      String flat = ScriptedCourse.flatten(output);
      assertTrue(flat.contains("rootless-ctr: refusing to run the course as root."), output);
      assertTrue(
          flat.contains("'runc spec --rootless' maps the container's root to host uid 0"), output);
      assertTrue(flat.contains("Run it as your normal user."), output);
      assertFalse(Files.exists(lab), "nothing is set up for root: no lab directory");
      assertFalse(Files.exists(home.resolve("state/rootless-ctr")), "no progress file for root");
    } finally {
      new ProcessBuilder("rm", "-rf", home.toString()).start().waitFor();
    }
  }
}
