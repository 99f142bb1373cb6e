package dev.rootlessctr.e2e;

import dev.rootlessctr.TestPaths;
import dev.rootlessctr.lesson.Course;
import dev.rootlessctr.lesson.CourseLoader;
import dev.rootlessctr.lesson.Lesson;
import dev.rootlessctr.lesson.Mistake;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The staged shell run in its scripted form ({@code rootless-ctr < steps}) as the unprivileged test
 * user, each learner in a fresh HOME of their own with its own lab, XDG directories and runtime
 * directory (so its {@code $RUNC_ROOT} is private too).
 */
public final class ScriptedCourse {

  private static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  private static final long TIMEOUT_SECONDS = 90;
  private static Path stage;

  private ScriptedCourse() {}

  /** The program staged once per JVM where the test user can read it. */
  /** Lessons 1 to 3 as a learner types them: pull, unpack, spec, each followed by :check. */
  public static final List<String> LESSONS_1_TO_3 =
      List.of(
          "skopeo --insecure-policy copy docker://busybox:latest oci:busybox:latest",
          ":check",
          ":open 2",
          "mkdir -p busybox-bundle/rootfs",
          "oci-image-tool unpack --ref name=latest busybox busybox-bundle/rootfs",
          ":check",
          ":open 3",
          "runc spec --rootless -b busybox-bundle",
          ":check");

  public static synchronized Path stage() throws IOException, InterruptedException {
    if (stage == null) {
      stage = Staging.stageProgram();
    }
    return stage;
  }

  /** What one scripted session printed (stdout and stderr together) and its exit status. */
  public record Run(int exit, String output) {
    /** The output with every run of white space made one space: wrapping does not matter. */
    public String flat() {
      return flatten(output);
    }

    /**
     * What the shell printed after echoing the {@code n}th (1-based) typed {@code line}, up to the
     * next prompt.
     */
    public String after(String line, int n) {
      String echo =
          "\n$ " + line + "\n"; // at the start of a line: lesson text shows commands indented
      int at = -1;
      for (int i = 0; i < n; i++) {
        at = output.indexOf(echo, at + 1);
        if (at < 0) {
          throw new AssertionError(
              "the shell never echoed `" + line + "` " + n + " time(s):\n" + output);
        }
      }
      int from = at + echo.length();
      int end = output.indexOf("\n$ ", from - 1);
      return end < 0 ? output.substring(from) : output.substring(from, end + 1);
    }

    public String after(String line) {
      return after(line, 1);
    }
  }

  public static String flatten(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  /** The course as the staged shell reads it, to compare what it printed with the lesson text. */
  public static Course course() throws IOException {
    return new CourseLoader().load(TestPaths.project().resolve("lessons/rootless"));
  }

  /** The Mistakes entry of lesson {@code lesson} whose pattern is {@code pattern}. */
  public static Mistake mistake(int lesson, String pattern) throws IOException {
    Lesson found =
        course()
            .find(String.valueOf(lesson))
            .orElseThrow(() -> new AssertionError("no lesson " + lesson));
    return found.steps().stream()
        .flatMap(s -> s.mistakes().stream())
        .filter(m -> m.pattern().equals(pattern))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("lesson " + lesson + " lists no mistake `" + pattern + "`"));
  }

  /** A fresh learner: HOME, lab, XDG state/cache/config and a private XDG_RUNTIME_DIR. */
  public static Learner newLearner() throws IOException, InterruptedException {
    Path home = Staging.userDir("rctr-mistakes-");
    Learner learner = new Learner(home);
    learner.asUser(
        "mkdir",
        "-p",
        home.resolve("lab").toString(),
        home.resolve("state").toString(),
        home.resolve("cache").toString(),
        home.resolve("config").toString());
    learner.asUser("mkdir", "-m", "700", home.resolve("run").toString());
    return learner;
  }

  /** One learner's sandbox; all of it belongs to the test user. */
  public static final class Learner {

    private final Path home;

    private Learner(Path home) {
      this.home = home;
    }

    public Path home() {
      return home;
    }

    public Path lab() {
      return home.resolve("lab");
    }

    /** Where the shell's $RUNC_ROOT points for this learner (Lab.runcRoot with our runtime dir). */
    public Path runcRoot() {
      return home.resolve("run/rootless-ctr/runc");
    }

    /** Copies a prepared lab (as the test user, so ownership stays theirs). */
    public void copyLabFrom(Learner prepared) throws IOException, InterruptedException {
      asUser("cp", "-a", prepared.lab() + "/.", lab().toString());
    }

    /** Runs the shell with {@code lines} as typed input, with this learner's environment. */
    public Run type(String... lines) throws IOException, InterruptedException {
      return type(true, lines);
    }

    /**
     * As {@link #type(String...)}; {@code runtimeDir} false leaves XDG_RUNTIME_DIR unset, as after
     * su or runuser, which start no login session.
     */
    public Run type(boolean runtimeDir, String... lines) throws IOException, InterruptedException {
      return typeIn("rootless", runtimeDir, lines);
    }

    /** As {@link #type(boolean, String...)}, in the course {@code lessons/COURSE}. */
    public Run typeIn(String course, boolean runtimeDir, String... lines)
        throws IOException, InterruptedException {
      Path program = stage();
      Map<String, String> env = environment(runtimeDir);
      List<String> argv = new ArrayList<>(Staging.asTestUser());
      argv.addAll(List.of("env", "-i"));
      env.forEach((k, v) -> argv.add(k + "=" + v));
      argv.addAll(
          List.of(
              program.resolve("rootless-ctr").toString(),
              "--lessons",
              program.resolve("lessons").resolve(course).toString(),
              "--lab",
              lab().toString()));
      return exec(argv, String.join("\n", lines) + "\n");
    }

    Map<String, String> environment(boolean runtimeDir) {
      Map<String, String> env = new LinkedHashMap<>();
      env.put("PATH", PATH);
      env.put("HOME", home.toString());
      env.put("USER", Staging.testUser());
      env.put("LANG", "C.UTF-8");
      env.put("XDG_STATE_HOME", home.resolve("state").toString());
      env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
      env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
      if (runtimeDir) {
        env.put("XDG_RUNTIME_DIR", home.resolve("run").toString());
      }
      return env;
    }

    /**
     * Runs a command as the test user in the lab; returns its output, failing on a non-zero exit.
     */
    public String asUser(String... command) throws IOException, InterruptedException {
      List<String> argv = new ArrayList<>(Staging.asTestUser());
      argv.addAll(List.of("env", "PATH=" + PATH, "HOME=" + home));
      argv.addAll(List.of(command));
      Run run = exec(argv, "");
      if (run.exit() != 0) {
        throw new IOException(
            String.join(" ", command) + " exited " + run.exit() + ": " + run.output());
      }
      return run.output();
    }

    /** runc, as the test user, on this learner's state directory. */
    public Run runc(String... args) throws IOException, InterruptedException {
      List<String> argv = new ArrayList<>(Staging.asTestUser());
      argv.addAll(
          List.of("env", "PATH=" + PATH, "HOME=" + home, "runc", "--root", runcRoot().toString()));
      argv.addAll(List.of(args));
      return exec(argv, "");
    }

    /** Removes container {@code name} if it exists; for finally blocks. */
    public void deleteContainer(String name) throws IOException, InterruptedException {
      runc("delete", "--force", name);
    }

    /** Removes the sandbox (best effort; a leftover under /tmp is harmless). */
    public void remove() {
      try {
        exec(List.of("rm", "-rf", home.toString()), "");
      } catch (IOException | InterruptedException e) {
        // leave it
      }
    }

    private Run exec(List<String> argv, String input) throws IOException, InterruptedException {
      ProcessBuilder builder =
          new ProcessBuilder(argv).redirectErrorStream(true).directory(home.toFile());
      Process process = builder.start();
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      Thread reader =
          new Thread(
              () -> {
                try (InputStream in = process.getInputStream()) {
                  in.transferTo(output);
                } catch (IOException e) {
                  // the process ended
                }
              },
              "scripted-output");
      reader.start();
      try (OutputStream in = process.getOutputStream()) {
        in.write(input.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // it stopped reading: it has ended
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        reader.join(2000);
        throw new AssertionError(
            "still running after "
                + TIMEOUT_SECONDS
                + " s: "
                + argv
                + "\n"
                + output.toString(StandardCharsets.UTF_8));
      }
      reader.join(5000);
      return new Run(process.exitValue(), output.toString(StandardCharsets.UTF_8));
    }
  }
}
