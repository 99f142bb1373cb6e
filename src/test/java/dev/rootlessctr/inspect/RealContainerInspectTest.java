package dev.rootlessctr.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootlessctr.host.AccountBook;
import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.probe.LearnerIds;
import dev.rootlessctr.probe.ProbeContext;
import dev.rootlessctr.probe.Probes;
import dev.rootlessctr.process.Captured;
import dev.rootlessctr.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code :inspect} on the real thing: a rootless runc container started by the unprivileged test
 * user (through runuser when the tests run as root), in a --root of its own.
 */
@Timeout(120)
class RealContainerInspectTest {

  private static final String USER = System.getenv().getOrDefault("RCTR_TEST_USER", "rctr-learner");
  private static final Map<String, String> ENV =
      Map.of(
          "PATH",
          "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
          "LANG",
          "C.UTF-8");
  private static final ProcessRunner SYSTEM = ProcessRunner.system();

  private Path work;
  private ProcessRunner asLearner;
  private Path runcRoot;

  private Captured must(String... argv) throws IOException {
    Captured c = asLearner.run(List.of(argv), work, ENV, Duration.ofSeconds(30));
    assertTrue(c.succeeded(), String.join(" ", argv) + ": " + c.stderr());
    return c;
  }

  @Test
  void inspectsARunningRootlessContainerAsTheLearner() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/sbin/runc"))
            || Files.isExecutable(Path.of("/usr/bin/runc")),
        "runc is not installed");
    long uid = new com.sun.security.auth.module.UnixSystem().getUid();
    List<String> prefix = new ArrayList<>();
    if (uid == 0) {
      Captured id = SYSTEM.run(List.of("id", "-u", USER), Path.of("/"), ENV, Duration.ofSeconds(5));
      assumeTrue(id.succeeded(), "no user " + USER + " to run runc as");
      uid = Long.parseLong(id.stdout().strip());
      prefix.addAll(List.of("/usr/sbin/runuser", "-u", USER, "--"));
    }
    asLearner =
        (argv, dir, env, timeout) -> {
          List<String> all = new ArrayList<>(prefix);
          all.addAll(argv);
          return SYSTEM.run(all, dir, env, timeout);
        };
    work = Files.createTempDirectory("rootless-ctr-inspect-test-");
    if (!prefix.isEmpty()) {
      SYSTEM.run(List.of("chown", USER, work.toString()), Path.of("/"), ENV, Duration.ofSeconds(5));
    }
    runcRoot = work.resolve("state");
    must("mkdir", "-p", "b/rootfs/bin");
    must("cp", "/bin/busybox", "b/rootfs/bin/busybox");
    must("ln", "-s", "busybox", "b/rootfs/bin/sleep");
    must("runc", "spec", "--rootless", "-b", "b");
    ObjectNode spec =
        (ObjectNode) new ObjectMapper().readTree(work.resolve("b/config.json").toFile());
    spec.with("process").put("terminal", false).putArray("args").add("sleep").add("60");
    Files.writeString(
        work.resolve("b/config.json"), spec.toPrettyString()); // overwriting keeps the owner
    // Detached, with stdio on /dev/null: a captured pipe would stay open as long as the container.
    List<String> run = new ArrayList<>(prefix);
    run.addAll(List.of("runc", "--root", runcRoot.toString(), "run", "-d", "-b", "b", "c1"));
    ProcessBuilder builder =
        new ProcessBuilder(run)
            .directory(work.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().clear();
    builder.environment().putAll(ENV);
    assertEquals(0, builder.start().waitFor(), "runc run -d");

    // The shell and its runc are one user; here the JVM may be root, so the private temp
    // directory DefaultSpec makes is handed to the learner before their runc writes into it.
    ProcessRunner specAsLearner =
        (argv, dir, env, timeout) -> {
          if (!prefix.isEmpty()) {
            SYSTEM.run(
                List.of("chown", USER, dir.toString()), Path.of("/"), ENV, Duration.ofSeconds(5));
          }
          return asLearner.run(argv, dir, env, timeout);
        };
    Inspector inspector =
        new Inspector(
            Probes.using(
                LearnerIds.fixed(new HostUser(USER, uid, uid, java.util.Set.of(uid), work)),
                AccountBook.etc()),
            new DefaultSpec(specAsLearner, ENV));
    ProbeContext context =
        new ProbeContext(work, ENV, work.resolve("course-root"), Path.of("/proc"), asLearner);
    List<Path> roots =
        RuncRoots.find(work.resolve("course-root"), List.of(runcRoot), Map.of(), uid);
    assertEquals(List.of(runcRoot), roots, "the course's root does not exist; the learner's does");
    Inspector.Where where = new Inspector.Where(context, roots, work);

    Inspection c1 = inspector.inspect(Optional.of("c1"), where);
    assertEquals(Inspection.Kind.CONTAINER, c1.kind(), c1.toString());
    assertTrue(text(c1, "status").startsWith("running"), c1.toString());
    assertTrue(text(c1, "uid map").startsWith("0 " + uid + " 1\n"), c1.toString());
    assertTrue(text(c1, "uid map").endsWith(", you"), c1.toString());
    assertTrue(text(c1, "own namespaces").contains("user"), c1.toString());
    assertTrue(text(c1, "shared with shell").contains("net"), c1.toString());
    assertTrue(text(c1, "root mount").contains("(read-only)"), c1.toString());
    assertTrue(text(c1, "capabilities").contains("CAP_KILL"), c1.toString());
    assertTrue(text(c1, "seccomp").matches("\\d.*"), c1.toString());
    assertTrue(c1.fact("cgroup").orElseThrow().measured(), c1.toString());
    assertTrue(c1.fact("note").isEmpty(), c1.toString());

    Inspection bundle = inspector.inspect(Optional.of("b"), where);
    assertEquals(
        "/process/terminal: true -> false\n/process/args: [\"sh\"] -> [\"sleep\",\"60\"]",
        text(bundle, "vs default"),
        bundle.toString());

    Inspection overview = inspector.inspect(Optional.empty(), where);
    assertEquals(
        "--root " + runcRoot + ": c1 (running)", text(overview, "containers"), overview.toString());
    assertEquals("b", text(overview, "bundles in the lab"));
  }

  private static String text(Inspection inspection, String label) {
    Fact fact =
        inspection
            .fact(label)
            .orElseThrow(() -> new AssertionError("no " + label + " in " + inspection));
    assertTrue(fact.measured(), label + ": " + fact.unreadable());
    return String.join("\n", fact.lines());
  }

  @AfterEach
  void cleanUp() throws IOException {
    if (work == null) {
      return;
    }
    asLearner.run(
        List.of("runc", "--root", runcRoot.toString(), "delete", "--force", "c1"),
        work,
        ENV,
        Duration.ofSeconds(10));
    try (Stream<Path> tree = Files.walk(work)) {
      for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
