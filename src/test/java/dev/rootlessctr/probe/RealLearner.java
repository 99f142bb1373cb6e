package dev.rootlessctr.probe;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.process.Captured;
import dev.rootlessctr.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An unprivileged user on this machine to run the real tools as: the test user through {@code
 * runuser} when the tests run as root, or the user running the tests otherwise.
 */
final class RealLearner implements ProcessRunner {

  /** The user run-tests creates (or names in RCTR_TEST_USER), as the end-to-end tests use. */
  static final String NAME = System.getenv().getOrDefault("RCTR_TEST_USER", "rctr-learner");

  static final Map<String, String> ENV =
      Map.of(
          "PATH",
          "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
          "LANG",
          "C.UTF-8");

  final HostUser ids;
  final String name;
  private final List<String> prefix;
  private final ProcessRunner system = ProcessRunner.system();

  private RealLearner(HostUser ids, String name, List<String> prefix) {
    this.ids = ids;
    this.name = name;
    this.prefix = prefix;
  }

  /** The learner, or a skipped test when this machine cannot provide an unprivileged user. */
  static RealLearner onThisMachine() throws IOException {
    HostUser self = HostUser.current(ENV);
    if (self.uid() != 0) {
      return new RealLearner(self, self.name(), List.of());
    }
    Path runuser = Path.of("/usr/sbin/runuser");
    assumeTrue(Files.isExecutable(runuser), "the tests run as root and there is no runuser");
    Captured id =
        ProcessRunner.system()
            .run(List.of("id", "-u", NAME), Path.of("/"), ENV, Duration.ofSeconds(5));
    assumeTrue(id.succeeded(), "the tests run as root and there is no user " + NAME + " to be");
    long uid = Long.parseLong(id.stdout().strip());
    Captured gid =
        ProcessRunner.system()
            .run(List.of("id", "-g", NAME), Path.of("/"), ENV, Duration.ofSeconds(5));
    long gidNumber = Long.parseLong(gid.stdout().strip());
    return new RealLearner(
        new HostUser(NAME, uid, gidNumber, Set.of(gidNumber), Path.of("/home", NAME)),
        NAME,
        List.of(runuser.toString(), "-u", NAME, "--"));
  }

  @Override
  public Captured run(List<String> argv, Path dir, Map<String, String> env, Duration timeout)
      throws IOException {
    List<String> wrapped = new ArrayList<>(prefix);
    wrapped.addAll(argv);
    return system.run(wrapped, dir, env, timeout);
  }

  /** Runs a command as the learner in {@code dir} and insists that it worked. */
  Captured must(Path dir, String... argv) throws IOException {
    Captured captured = run(Arrays.asList(argv), dir, ENV, Duration.ofSeconds(30));
    assertTrue(captured.succeeded(), String.join(" ", argv) + " failed: " + captured.stderr());
    return captured;
  }

  /**
   * Starts a detached command as the learner with stdio on /dev/null, so nothing waits on pipes.
   */
  void detached(Path dir, String... argv) throws IOException, InterruptedException {
    List<String> wrapped = new ArrayList<>(prefix);
    wrapped.addAll(Arrays.asList(argv));
    ProcessBuilder builder =
        new ProcessBuilder(wrapped)
            .directory(dir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().clear();
    builder.environment().putAll(ENV);
    int status = builder.start().waitFor();
    assertTrue(status == 0, String.join(" ", argv) + " exited with " + status);
  }

  /** A fresh directory under /tmp that the learner owns. */
  Path newWorkDir() throws IOException {
    return giveToLearner(Files.createTempDirectory("rootless-ctr-probe-test-"));
  }

  /** Writes a file the learner owns. */
  Path write(Path file, String text) throws IOException {
    return giveToLearner(Files.writeString(file, text));
  }

  private Path giveToLearner(Path path) throws IOException {
    if (!prefix.isEmpty()) {
      UserPrincipal owner =
          path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name);
      Files.setOwner(path, owner);
    }
    return path;
  }

  /** A probe context for this machine's /proc, asking runc as the learner. */
  ProbeContext context(Path workDir, Path runcRoot, String home) {
    return new ProbeContext(
        workDir, Map.of("PATH", ENV.get("PATH"), "HOME", home), runcRoot, Path.of("/proc"), this);
  }

  static void assumeInstalled(String tool) {
    boolean found =
        Arrays.stream(ENV.get("PATH").split(":"))
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    assumeTrue(found, tool + " is not installed on this machine");
  }
}
