package dev.rootlessctr.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootlessctr.Main;
import dev.rootlessctr.process.Captured;
import dev.rootlessctr.process.ProcessRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real doctor on this machine: refused as root, passing as the unprivileged {@code learner}.
 *
 * <p>When the tests run as root, the learner's run goes through {@code runuser} with a classpath
 * staged where the learner can read it; otherwise the test JVM itself is the unprivileged user.
 */
class RealHostTest {

  /** The unprivileged user run-tests creates (or names in RCTR_TEST_USER). */
  private static final String LEARNER =
      System.getenv().getOrDefault("RCTR_TEST_USER", "rctr-learner");

  private static final String LOGIN_PATH = "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin";

  private static Path staged;

  @BeforeAll
  static void stageClasspath() throws IOException, URISyntaxException {
    if (!runningAsRoot()) {
      return;
    }
    staged =
        Files.createTempDirectory(
            "doctor-cp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    copyTree(codeSource(Main.class), staged.resolve("classes"));
    for (Class<?> type :
        List.of(
            ObjectMapper.class,
            JsonFactory.class,
            JsonProperty.class,
            AttributedString.class,
            org.commonmark.node.Node.class)) {
      Path jar = codeSource(type);
      Path copy = Files.copy(jar, staged.resolve(jar.getFileName()));
      Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  @AfterAll
  static void removeStaging() throws IOException {
    if (staged != null) {
      try (Stream<Path> files = Files.walk(staged)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  @Test
  void rootIsRefusedWithTheReason() {
    assumeTrue(runningAsRoot(), "the test JVM runs as root");
    StringWriter out = new StringWriter();
    int status =
        new DoctorCommand(
                DoctorInputs.defaults(HostView.real()),
                tag -> List.of(),
                ReportRenderer.Mode.PLAIN,
                100)
            .run(false, new PrintWriter(out));
    assertEquals(1, status, out.toString());
    assertTrue(out.toString().contains(" FAIL  Not running as root"), out.toString());
    assertTrue(out.toString().contains("running as root (uid 0)"), out.toString());
    assertTrue(out.toString().contains("Blocking: not-root"), out.toString());
  }

  @Test
  void theLearnerPasses() throws IOException {
    Captured run = doctorAsLearner(LOGIN_PATH, "doctor");
    assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
    assertTrue(run.stdout().contains("user " + expectedUser() + " (uid "), run.stdout());
    assertTrue(run.stdout().contains(" ok    Not running as root"), run.stdout());
    assertTrue(run.stdout().contains("nothing blocks the course."), run.stdout());
  }

  @Test
  void theLearnersJsonSaysOkAndEveryRequiredToolPasses() throws IOException {
    Captured run = doctorAsLearner(LOGIN_PATH, "doctor", "--json");
    assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
    JsonNode json = new ObjectMapper().readTree(run.stdout());
    assertTrue(json.get("ok").asBoolean());
    List<String> passed = new ArrayList<>();
    json.get("findings")
        .forEach(
            f -> {
              if (f.get("status").asText().equals("PASS")) {
                passed.add(f.get("id").asText());
              }
            });
    assertTrue(
        passed.containsAll(
            List.of(
                "not-root",
                "runc",
                "runc-cve-2024-21626",
                "skopeo",
                "oci-image-tool",
                "busybox",
                "userns",
                "runc-state-dir")),
        passed.toString());
  }

  @Test
  void runcAndCrunAreJudgedByARealContainerAndNothingIsLeftBehind() throws IOException {
    List<String> before = doctorScratch();
    Captured run = doctorAsLearner(LOGIN_PATH, "doctor", "--json");
    JsonNode json = new ObjectMapper().readTree(run.stdout());
    JsonNode runc = finding(json, "runc");
    assertEquals("PASS", runc.get("status").asText(), runc.toString());
    assertTrue(
        runc.get("seen").asText().matches(".*; started a test container \\(`true`\\) in \\d+ ms"),
        runc.toString());
    JsonNode crun = finding(json, "crun");
    String crunSeen = crun.get("seen").asText();
    if (crun.get("status").asText().equals("PASS")) {
      assertTrue(
          crunSeen.contains("started a test container") || crunSeen.contains("not installed"),
          crun.toString());
    } else {
      // This machine kind mounts cgroups v1 and v2 side by side, which crun refuses.
      assertTrue(
          crunSeen.contains("could not start a test container: ")
              || crunSeen.contains("not installed"),
          crun.toString());
    }
    assertEquals(before, doctorScratch(), "the throwaway bundles are gone");
  }

  private static JsonNode finding(JsonNode report, String id) {
    for (JsonNode finding : report.get("findings")) {
      if (finding.get("id").asText().equals(id)) {
        return finding;
      }
    }
    throw new AssertionError("no finding " + id + " in " + report);
  }

  private static List<String> doctorScratch() throws IOException {
    try (Stream<Path> entries = Files.list(Path.of("/tmp"))) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(name -> name.startsWith("rootless-ctr-doctor-"))
          .sorted()
          .toList();
    }
  }

  /** Runs {@code rootless-ctr ARGS} as the learner with a clean login-like environment. */
  private static Captured doctorAsLearner(String path, String... args) throws IOException {
    Map<String, String> env =
        Map.of("PATH", path, "HOME", "/home/" + LEARNER, "USER", LEARNER, "LANG", "C.UTF-8");
    List<String> argv = new ArrayList<>();
    if (runningAsRoot()) {
      assumeTrue(learnerExists(), "user " + LEARNER + " exists on the course machine");
      argv.addAll(List.of("runuser", "-u", LEARNER, "--", "/usr/bin/env", "-i"));
      env.forEach((name, value) -> argv.add(name + "=" + value));
      argv.addAll(List.of(javaBinary(), "-cp", staged.resolve("classes") + ":" + staged + "/*"));
    } else {
      argv.addAll(List.of(javaBinary(), "-cp", System.getProperty("java.class.path")));
    }
    argv.add(Main.class.getName());
    argv.addAll(List.of(args));
    return ProcessRunner.system()
        .run(argv, Path.of("/"), Map.of("PATH", LOGIN_PATH), Duration.ofSeconds(60));
  }

  /** Who the doctor runs as: learner via runuser when the tests are root, else the tester. */
  private static String expectedUser() {
    HostView real = HostView.real();
    return runningAsRoot() ? LEARNER : real.user().name();
  }

  private static boolean runningAsRoot() {
    return HostView.real().user().isRoot();
  }

  private static boolean learnerExists() {
    return HostView.real()
        .read("/etc/passwd")
        .map(p -> p.contains("\n" + LEARNER + ":") || p.startsWith(LEARNER + ":"))
        .orElse(false);
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Path codeSource(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
          Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        } else {
          Files.copy(file, target);
          Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        }
      }
    }
  }
}
