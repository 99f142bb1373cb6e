package dev.rootlessctr.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.lesson.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * runc and crun are judged by starting a test container, with stand-ins that behave like the real
 * runtimes' spec, run and delete and log what they were asked.
 */
class RuntimeCheckTest {

  @TempDir Path tree;

  /**
   * A runtime stand-in: {@code onRun} is the shell body run for {@code run}, after it made the
   * container's state directory (which a real runc removes when the container exits).
   */
  private FakeHost hostWith(String runtime, String onRun) {
    FakeHost host = FakeHost.healthy(tree).file("/bin/busybox", "pretend static busybox");
    String log = host.path("/log").toString();
    host.script(
        "/usr/bin/" + runtime,
        String.join(
            "\n",
            "echo \"$*\" >> " + log + "/calls",
            "case \"$1\" in",
            "  --version) echo '" + runtime + " version 1.8.1'; exit 0 ;;",
            "  spec) printf"
                + " '{\"ociVersion\":\"1.0.2\",\"process\":{\"terminal\":true,\"args\":[\"sh\"]}}'"
                + " > \"$4/config.json\"; exit 0 ;;",
            "esac",
            "state=\"$2\"; shift 2",
            "case \"$1\" in",
            "  run) mkdir -p \"$state/$4\"; cp \"$3/config.json\" "
                + log
                + "/config.json;"
                + " ls -l \"$3/rootfs/bin/true\" > "
                + log
                + "/true; "
                + onRun
                + " ;;",
            "  delete) rm -rf \"$state/$3\"; exit 0 ;;",
            "esac"));
    host.dir("/log", "rwxr-xr-x");
    return host;
  }

  private static Check runtime(String name, boolean optional, boolean tryRun) {
    return new RuntimeCheck(
        new ToolCheck(
            name,
            name.equals("runc") ? Requirement.RUNC : Requirement.CRUN,
            optional,
            name + " runs containers."),
        name,
        optional,
        tryRun);
  }

  private String log(FakeHost host, String name) throws IOException {
    Path file = host.path("/log/" + name);
    return Files.exists(file) ? Files.readString(file) : "";
  }

  private void assertScratchRemoved(FakeHost host) throws IOException {
    try (Stream<Path> left =
        Files.list(host.path("/tmp"))
            .filter(p -> p.getFileName().toString().startsWith(ScratchTree.PREFIX))) {
      assertEquals(List.of(), left.toList(), "the throwaway bundle and state are removed");
    }
  }

  @Test
  void aRuntimeThatStartsTrueInARootlessBundlePasses() throws IOException {
    FakeHost host = hostWith("runc", "rm -r \"$state/$4\"; exit 0");
    Finding finding = host.run(runtime("runc", false, true));
    assertEquals(Status.PASS, finding.status(), finding.seen());
    assertTrue(
        finding
            .seen()
            .matches(
                "runc 1\\.8\\.1 at /usr/bin/runc; started a test container"
                    + " \\(`true`\\) in \\d+ ms"),
        finding.seen());
    String calls = log(host, "calls");
    assertTrue(
        calls.matches(
            "(?s)--version\nspec --rootless -b /\\S+/bundle\n--root /\\S+/state run"
                + " -b /\\S+/bundle rootless-ctr-doctor\n"),
        calls);
    assertTrue(log(host, "config.json").contains("\"terminal\":false"), log(host, "config.json"));
    assertTrue(log(host, "config.json").contains("\"args\":[\"true\"]"), log(host, "config.json"));
    assertTrue(log(host, "true").startsWith("-rwxr-xr-x"), log(host, "true"));
    assertTrue(finding.checked().contains("(5 s limit)"), finding.checked());
    assertScratchRemoved(host);
  }

  @Test
  void crunRefusingOnAHybridHostIsAWarningThatQuotesItAndStopsOnlyCrunLessons() throws IOException {
    FakeHost host =
        hostWith(
            "crun",
            "echo 'cgroups in hybrid mode not supported, drop all controllers from cgroupv2' >&2;"
                + " exit 1");
    Finding finding = host.run(runtime("crun", true, true));
    assertEquals(Status.WARN, finding.status());
    assertEquals(
        "crun 1.8.1 at /usr/bin/crun, but it could not start a test container: cgroups"
            + " in hybrid mode not supported, drop all controllers from cgroupv2",
        finding.seen());
    assertTrue(
        finding.why().contains("Lessons that need crun cannot work on this host"), finding.why());
    assertTrue(finding.fix().contains("hybrid"), finding.fix());
    assertTrue(
        log(host, "calls").contains("delete --force rootless-ctr-doctor"),
        "a container left in the state dir is deleted");
    assertScratchRemoved(host);
    DoctorReport report =
        new DoctorReport(
            Distro.unknown(), 1001, "learner", List.of(finding), java.util.Optional.empty());
    assertTrue(report.ok(), "crun is not needed by the course as a whole");
    assertEquals(List.of(finding), report.blockers(Set.of(Requirement.CRUN)));
    assertEquals(List.of(), report.blockers(Set.of(Requirement.RUNC)));
  }

  @Test
  void runcRefusingIsAFailureWithRuncsOwnWords() throws IOException {
    FakeHost host =
        hostWith(
            "runc",
            "echo 'time=\"2026-12-01T14:00:00Z\" level=error msg=\"rootless container requires user"
                + " namespaces\"' >&2; exit 1");
    Finding finding = host.run(runtime("runc", false, true));
    assertEquals(Status.FAIL, finding.status());
    assertTrue(
        finding
            .seen()
            .endsWith(
                "could not start a test container: rootless container requires user namespaces"),
        finding.seen());
    assertScratchRemoved(host);
  }

  @Test
  void aRunThatHangsIsStoppedAtTheLimitAndCleanedUp() throws IOException {
    // A child that keeps the output pipes open, as a container started by runc would.
    FakeHost host = hostWith("runc", "sleep 60; exit 0");
    long start = System.nanoTime();
    Finding finding = host.run(runtime("runc", false, true));
    long seconds = (System.nanoTime() - start) / 1_000_000_000;
    assertEquals(Status.FAIL, finding.status());
    assertTrue(
        finding.seen().endsWith("could not start a test container: did not finish within" + " 5 s"),
        finding.seen());
    assertTrue(seconds < 15, "took " + seconds + " s");
    assertTrue(
        log(host, "calls").contains("delete --force rootless-ctr-doctor"), log(host, "calls"));
    assertScratchRemoved(host);
  }

  @Test
  void treesThatAKilledRunLeftAreCollectedOnlyWhenOldAndOurs() throws IOException {
    FakeHost host = hostWith("runc", "rm -r \"$state/$4\"; exit 0");
    Path stale = Files.createDirectories(host.path("/tmp/" + ScratchTree.PREFIX + "1/bundle"));
    Path recent = Files.createDirectories(host.path("/tmp/" + ScratchTree.PREFIX + "2"));
    Path unrelated = Files.createDirectories(host.path("/tmp/keep-me"));
    java.nio.file.attribute.FileTime old =
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 2 * 3600_000L);
    Files.setLastModifiedTime(stale.getParent(), old);
    Files.setLastModifiedTime(unrelated, old);
    assertEquals(Status.PASS, host.run(runtime("runc", false, true)).status());
    assertFalse(Files.exists(stale.getParent()), "an hour-old tree of ours goes");
    assertTrue(Files.isDirectory(recent), "a tree another run may be using stays");
    assertTrue(Files.isDirectory(unrelated), "nothing else is touched");
  }

  @Test
  void theQuickDiagnosisStartsNothingAndSaysSo() throws IOException {
    FakeHost host = hostWith("runc", "exit 0");
    Finding finding = host.run(runtime("runc", false, false));
    assertEquals(Status.PASS, finding.status());
    assertTrue(
        finding.seen().endsWith("(starting a container is tried by :doctor)"), finding.seen());
    assertEquals("--version\n", log(host, "calls"));
  }

  @Test
  void withoutBusyboxNothingIsStartedAndTheFindingSaysWhy() throws IOException {
    FakeHost host = hostWith("runc", "exit 0").remove("/bin/busybox");
    Finding finding = host.run(runtime("runc", false, true));
    assertEquals(Status.PASS, finding.status());
    assertTrue(
        finding
            .seen()
            .endsWith(
                "; no container tried: there is no /bin/busybox to make a"
                    + " test container from"),
        finding.seen());
    assertFalse(log(host, "calls").contains("run"), log(host, "calls"));
  }
}
