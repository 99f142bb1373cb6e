package dev.rootlessctr.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.verify.JunitSchema;
import dev.rootlessctr.verify.TapStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code rootless-ctr verify} as a CI job would run it, twice in a row, as the unprivileged test
 * user with a home in the middle of the course (a lab with files, saved progress): both runs pass
 * every step, and that home, its lab, progress, cache and runtime directory are exactly as before,
 * with no throwaway directory left in /tmp.
 */
class VerifyIT {

  /** The folders this test made for the test user, removed after each test. */
  private final List<Path> made = new ArrayList<>();

  private Path dir(String prefix) throws IOException, InterruptedException {
    Path dir = Staging.userDir(prefix);
    made.add(dir);
    return dir;
  }

  @AfterEach
  void removeMade() throws IOException {
    for (Path dir : made) {
      if (!Files.exists(dir)) {
        continue;
      }
      try (Stream<Path> tree = Files.walk(dir)) {
        for (Path p : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  @Test
  void verifyPassesTwiceInARowAndLeavesNoTraceInTheUsersLabProgressOrHome() throws Exception {
    Path stage = Staging.stageProgram();
    Path home = dir("rctr-verify-home-");
    Path reports = dir("rctr-verify-reports-");
    asUser(
        home,
        List.of(
            "mkdir",
            "-p",
            home + "/rootless-ctr-lab/busybox-bundle",
            home + "/.local/state/rootless-ctr",
            home + "/run"));
    asUser(home, List.of("chmod", "700", home + "/run"));
    asUser(
        home,
        List.of(
            "sh",
            "-c",
            "echo '{\"version\":1,\"completed\":{\"pull\":[1]},\"current\":{\"lesson\":\"unpack\",\"step\":1}}'"
                + " > \"$HOME/.local/state/rootless-ctr/progress-rootless.json\"; echo mine >"
                + " \"$HOME/rootless-ctr-lab/notes.txt\""));
    List<String> throwawaysBefore = throwaways();
    TreeMap<String, String> before = listing(home);

    for (int run = 1; run <= 2; run++) {
      Path junit = reports.resolve("verify-" + run + ".xml");
      Result result =
          asUser(
              home,
              List.of(stage + "/rootless-ctr", "verify", "--tap", "--junit", junit.toString()));
      assertEquals(
          0,
          result.exit(),
          "run " + run + " of verify failed:\n" + result.stdout() + result.stderr());
      TapStream tap = TapStream.parse(result.stdout());
      assertTrue(
          tap.planned() >= 7, "the rootless course has at least 7 steps:\n" + result.stdout());
      assertTrue(tap.points().stream().allMatch(TapStream.Point::ok), result.stdout());
      assertTrue(
          tap.points().stream().anyMatch(p -> p.description().startsWith("run/1 ")),
          result.stdout());
      assertTrue(
          result
              .stdout()
              .lines()
              .anyMatch(l -> l.matches("# \\d+ passed, 0 failed(, \\d+ skipped)?")),
          result.stdout());
      JunitSchema.validate(junit);
      assertTrue(Files.readString(junit).contains("failures=\"0\""), Files.readString(junit));
    }

    assertEquals(
        before,
        listing(home),
        "verify changed something in the user's home (lab, progress, cache, runtime dir)");
    assertEquals(throwawaysBefore, throwaways(), "verify left its throwaway directory in /tmp");

    // The plain form: one line per step and the summary line exactly as documented.
    Result plain = asUser(home, List.of(stage + "/rootless-ctr", "verify"));
    assertEquals(0, plain.exit(), plain.stdout() + plain.stderr());
    List<String> lines = plain.stdout().lines().toList();
    assertTrue(
        lines.get(lines.size() - 1).matches("\\d+ passed, 0 failed(, \\d+ skipped)?"),
        plain.stdout());
    assertTrue(
        lines.stream().anyMatch(l -> l.matches("ok \\d+ - spec/1 .* \\(\\d+\\.\\d\\d s\\)")),
        plain.stdout());
  }

  @Test
  void aLessonWhoseCommandNoLongerWorksFailsItsStepAndTheRun() throws Exception {
    Path stage = Staging.stageProgram();
    Path home = dir("rctr-verify-broken-");
    Path course = home.resolve("course");
    asUser(
        home, List.of("cp", "-r", stage.resolve("lessons/rootless").toString(), course.toString()));
    // A plain spec maps no user namespace: runc refuses it as a normal user.
    asUser(
        home,
        List.of(
            "sed",
            "-i",
            "s/^runc spec --rootless -b busybox-bundle$/runc spec -b busybox-bundle/",
            course + "/03-spec.md"));
    Result result =
        asUser(home, List.of(stage + "/rootless-ctr", "verify", "--lessons", course.toString()));
    assertEquals(1, result.exit(), result.stdout() + result.stderr());
    assertTrue(
        result.stdout().lines().anyMatch(l -> l.matches("not ok \\d+ - spec/1 .*")),
        result.stdout());
    assertTrue(
        result.stdout().lines().anyMatch(l -> l.matches("ok \\d+ - pull/1 .*")), result.stdout());
    List<String> lines = result.stdout().lines().toList();
    assertTrue(
        lines.get(lines.size() - 1).matches("\\d+ passed, [1-9]\\d* failed(, \\d+ skipped)?"),
        result.stdout());
  }

  @Test
  void freshScriptedShellGivesTheSameExitStatusTwiceAndLeavesTheHomeAlone() throws Exception {
    Path stage = Staging.stageProgram();
    Path home = dir("rctr-fresh-home-");
    asUser(home, List.of("mkdir", "-p", home + "/rootless-ctr-lab", home + "/run"));
    asUser(home, List.of("chmod", "700", home + "/run"));
    // Progress that stands at the last lesson: without --fresh these lines would go to lesson 6.
    asUser(
        home,
        List.of(
            "sh",
            "-c",
            "mkdir -p \"$HOME/.local/state/rootless-ctr\" && echo"
                + " '{\"version\":1,\"completed\":{},\"current\":{\"lesson\":\"home-mount\",\"step\":2}}'"
                + " > \"$HOME/.local/state/rootless-ctr/progress-rootless.json\""));
    Path steps = home.resolve("steps.txt");
    asUser(
        home,
        List.of(
            "sh",
            "-c",
            "printf '%s\\n' \"$@\" > " + steps,
            "sh",
            "skopeo --insecure-policy copy docker://busybox:latest oci:busybox:latest",
            ":check"));
    TreeMap<String, String> before = listing(home);
    for (int run = 1; run <= 2; run++) {
      Result result =
          asUser(
              home,
              List.of(
                  "sh",
                  "-c",
                  "exec \"$0\" --fresh < \"$1\"",
                  stage + "/rootless-ctr",
                  steps.toString()));
      assertEquals(
          0,
          result.exit(),
          "run " + run + " of --fresh failed:\n" + result.stdout() + result.stderr());
      assertTrue(result.stdout().contains("Copy busybox into an OCI layout"), result.stdout());
    }
    assertEquals(before, listing(home), "--fresh changed something in the user's home");
  }

  @Test
  void theDeeperCourseVerifiesAsANormalUser() throws Exception {
    Path stage = Staging.stageProgram();
    Path home = dir("rctr-verify-deeper-");
    asUser(home, List.of("mkdir", "-p", home + "/run"));
    asUser(home, List.of("chmod", "700", home + "/run"));
    Result result =
        asUser(
            home,
            List.of(
                stage + "/rootless-ctr",
                "verify",
                "--tap",
                "--lessons",
                stage.resolve("lessons/deeper").toString()));
    assertEquals(0, result.exit(), result.stdout() + result.stderr());
    TapStream tap = TapStream.parse(result.stdout());
    // lifecycle 7, network 6, subids 6, capabilities 6, runtimes 6, limits 3
    assertTrue(tap.planned() >= 34, "lessons 1 to 6 have 34 steps:\n" + result.stdout());
    assertEquals(tap.planned(), tap.points().size(), result.stdout());
    assertTrue(
        tap.points().stream().allMatch(TapStream.Point::ok),
        "every step passed or was skipped:\n" + result.stdout());
    // A step is skipped only where the doctor found this host lacks its needs, with the doctor's
    // finding as the reason: crun's on a host where crun cannot start a container (cgroups in
    // hybrid mode on this machine kind), the limits steps where cgroup v2 is not delegated.
    List<String> skipped = new ArrayList<>();
    for (TapStream.Point p : tap.points()) {
      if (p.directive() == null || p.directive().isEmpty()) {
        continue;
      }
      String step = p.description().split(" ")[0];
      skipped.add(step);
      boolean crun =
          step.equals("runtimes/6") && p.directive().startsWith("SKIP this host cannot: crun:");
      boolean limits =
          step.startsWith("limits/")
              && p.directive().startsWith("SKIP this host cannot: Control groups: ");
      // Only where slirp4netns cannot work (/dev/net/tun closed to users), which run-tests fixes.
      boolean slirp =
          List.of("network/3", "network/4", "network/5").contains(step)
              && p.directive().startsWith("SKIP this host cannot: slirp4netns: ")
              && !Files.getPosixFilePermissions(Path.of("/dev/net/tun"))
                  .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE);
      assertTrue(crun || limits || slirp, "skipped: " + p.description() + " # " + p.directive());
    }
    if (!Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"))) {
      assertEquals(
          List.of("runtimes/6", "limits/2", "limits/3"),
          skipped.stream().filter(step -> !step.startsWith("network/")).toList(),
          result.stdout());
      assertTrue(
          result
              .stdout()
              .contains(
                  (tap.planned() - skipped.size())
                      + " passed, 0 failed, "
                      + skipped.size()
                      + " skipped"),
          result.stdout());
    }
    // The two phases are checked as such: created, then running after start.
    for (String step : List.of("lifecycle/3 ", "lifecycle/4 ", "lifecycle/7 ")) {
      assertTrue(
          tap.points().stream().anyMatch(p -> p.description().startsWith(step)), result.stdout());
    }
    // Lesson 3 maps the learner's subordinate range and checks a chowned file's host owner.
    assertTrue(
        tap.points().stream().anyMatch(p -> p.description().startsWith("subids/5 ")),
        "the subids lesson ran its chown step:\n" + result.stdout());
    // Lesson 4 sees chown fail without CAP_CHOWN and mkdir fail with its seccomp rule's errno.
    for (String step : List.of("capabilities/3 ", "capabilities/5 ")) {
      assertTrue(
          tap.points().stream().anyMatch(p -> p.description().startsWith(step)), result.stdout());
    }
    // The network lesson's slirp4netns steps ran, and no slirp4netns of the user outlived them.
    for (String step : List.of("network/3 ", "network/4 ", "network/5 ", "network/6 ")) {
      assertTrue(
          tap.points().stream().anyMatch(p -> p.description().startsWith(step)), result.stdout());
    }
    // A zombie (Z) has ended already; only pid 1 has not collected it yet.
    Result left =
        asUser(
            home,
            List.of(
                "sh",
                "-c",
                "ps -u \"$(id -u)\" -o stat=,pid=,args= | grep '[s]lirp4netns' | grep -v '^Z'"));
    assertEquals(1, left.exit(), "slirp4netns left running:\n" + left.stdout());
  }

  private record Result(int exit, String stdout, String stderr) {}

  /**
   * Runs {@code argv} as the test user with {@code home} as HOME and its run/ as runtime directory.
   */
  private static Result asUser(Path home, List<String> argv)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(Staging.asTestUser());
    command.addAll(
        List.of(
            "env",
            "-i",
            "PATH=" + PATH,
            "HOME=" + home,
            "XDG_RUNTIME_DIR=" + home.resolve("run"),
            "LANG=C.UTF-8",
            "TERM=dumb"));
    command.addAll(argv);
    Path out = Files.createTempFile("verify-it-", ".out");
    Path err = Files.createTempFile("verify-it-", ".err");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(Path.of("/tmp").toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!process.waitFor(180, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(
            "timed out: " + command + "\n" + Files.readString(out) + Files.readString(err));
      }
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Every path under {@code root} with its type, size and modification time. */
  private static TreeMap<String, String> listing(Path root) throws IOException {
    TreeMap<String, String> seen = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.toList()) {
        BasicFileAttributes attrs =
            Files.readAttributes(
                path, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        seen.put(
            root.relativize(path).toString(),
            (attrs.isDirectory() ? "dir" : attrs.size() + " bytes")
                + " "
                + attrs.lastModifiedTime());
      }
    }
    return seen;
  }

  private static List<String> throwaways() throws IOException {
    try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("rootless-ctr-throwaway-"))
          .sorted()
          .toList();
    }
  }
}
