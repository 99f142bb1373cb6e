package dev.rootlessctr.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** runc-state, runc-list and no-containers on output recorded from runc 1.1.5. */
class RuncProbesTest {

  static final List<String> LIST = List.of("list", "--format", "json");

  @TempDir Path temp;
  ProbeLab lab;

  @BeforeEach
  void setUp() throws IOException {
    lab = new ProbeLab(temp);
    // runc keeps a directory per container; the fake runc below answers for c1.
    java.nio.file.Files.createDirectories(lab.runcRoot.resolve("c1"));
  }

  Probe probe(String name) {
    return lab.probes().get(name);
  }

  @Test
  void stateOfARunningContainerGivesItsValues() throws IOException {
    lab.runc.answer(
        List.of("state", "c1"), 0, FakeRunc.recorded("runc-1.1.5-state-running.json"), "");

    ProbeResult result = lab.run(probe("runc-state"), "c1", "running");

    assertTrue(result.passed(), result.actual());
    assertEquals(
        Map.of(
            "id", "c1",
            "pid", "6803",
            "status", "running",
            "bundle", "/tmp/lab/b",
            "rootfs", "/tmp/lab/b/rootfs",
            "created", "2026-11-28T15:25:14.314276064Z"),
        result.values());
    List<String> call = lab.runc.calls.get(0);
    assertEquals(
        temp.resolve("bin/runc").toString(), call.get(0), "the runc on the learner's PATH");
    assertEquals(List.of("--root", lab.runcRoot.toString(), "state", "c1"), call.subList(1, 5));
  }

  @Test
  void stateWithAnotherStatusThanExpectedFailsButStillMeasures() throws IOException {
    lab.runc.answer(
        List.of("state", "c1"), 0, FakeRunc.recorded("runc-1.1.5-state-stopped.json"), "");

    ProbeResult result = lab.run(probe("runc-state"), "c1", "running");

    assertFalse(result.passed());
    assertEquals("container c1 is running", result.expected());
    assertTrue(result.actual().startsWith("container c1 is stopped"), result.actual());
    assertEquals("0", result.values().get("pid"));
  }

  @Test
  void aContainerRuncHasNoDirectoryForIsUnknownWithoutStartingRunc() throws IOException {
    ProbeResult result = lab.run(probe("runc-state"), "nothere");

    assertFalse(result.passed());
    assertEquals(
        "runc has no container named nothere under --root "
            + lab.runcRoot
            + " (runc keeps one directory per container, and there is no nothere there)",
        result.actual());
    assertTrue(lab.runc.calls.isEmpty(), lab.runc.calls.toString());
  }

  @Test
  void stateOfAnUnknownContainerQuotesRuncWithoutItsLogDecoration() throws IOException {
    java.nio.file.Files.createDirectories(lab.runcRoot.resolve("c9")); // a half-made record
    lab.runc.answer(
        List.of("state", "c9"), 1, "", FakeRunc.recorded("runc-1.1.5-state-missing.stderr"));

    ProbeResult result = lab.run(probe("runc-state"), "c9");

    assertFalse(result.passed());
    assertEquals(
        "runc has no container named c9 under --root "
            + lab.runcRoot
            + " (runc said: container does not exist)",
        result.actual());
  }

  @Test
  void stateFailingForAnotherReasonIsNotCalledAMissingContainer() throws IOException {
    lab.runc.answer(
        List.of("state", "c1"),
        1,
        "",
        "time=\"2026-11-28T15:25:19Z\" level=error msg=\"open /tmp/r/c1/state.json: permission"
            + " denied\"\n");

    ProbeResult result = lab.run(probe("runc-state"), "c1");

    assertEquals(
        "runc state c1 failed under --root "
            + lab.runcRoot
            + " (runc said: open /tmp/r/c1/state.json: permission denied)",
        result.actual());
  }

  @Test
  void stateDoesNotAskRuncWhenTheRootDirectoryDoesNotExist() throws IOException {
    Files.delete(lab.runcRoot.resolve("c1"));
    Files.delete(lab.runcRoot);

    ProbeResult result = lab.run(probe("runc-state"), "c1");

    assertFalse(result.passed());
    assertTrue(
        result
            .actual()
            .startsWith(
                "runc has no container named c1: no container has been"
                    + " created under --root "
                    + lab.runcRoot),
        result.actual());
    assertTrue(lab.runc.calls.isEmpty(), lab.runc.calls.toString());
    assertFalse(Files.exists(lab.runcRoot));
  }

  @Test
  void aRuncThatHangsIsReportedNotWaitedFor() throws IOException {
    lab.runc.hang(List.of("state", "c1"));

    ProbeResult result = lab.run(probe("runc-state"), "c1");

    assertFalse(result.passed());
    assertEquals("runc state did not answer within 5 s", result.actual());
  }

  @Test
  void runcMissingFromPathIsNamed() throws IOException {
    ProbeContext noRunc =
        new ProbeContext(
            lab.lab,
            Map.of("PATH", temp.resolve("nowhere").toString()),
            lab.runcRoot,
            lab.proc,
            lab.runc);

    ProbeResult result = probe("runc-state").run(noRunc, List.of("c1"));

    assertFalse(result.passed());
    assertTrue(
        result.actual().startsWith("runc is not on the shell's PATH (" + temp.resolve("nowhere")),
        result.actual());
  }

  @Test
  void listReadsRuncsNullAsNoContainers() throws IOException {
    lab.runc.answer(LIST, 0, "null\n", "");

    ProbeResult result = lab.run(probe("runc-list"));

    assertTrue(result.passed(), result.actual());
    assertEquals("0", result.values().get("count"));
    assertEquals("none", result.values().get("names"));
  }

  @Test
  void listNamesTheContainers() throws IOException {
    lab.runc.answer(LIST, 0, FakeRunc.recorded("runc-1.1.5-list-one.json"), "");

    ProbeResult result = lab.run(probe("runc-list"));

    assertTrue(result.passed(), result.actual());
    assertEquals("1", result.values().get("count"));
    assertEquals("c1", result.values().get("names"));
    assertEquals("c1 (running)", result.values().get("containers"));
  }

  @Test
  void listDoesNotAskRuncWhenTheRootDirectoryDoesNotExist() throws IOException {
    // runc list would create the directory, and probes must not change what the learner sees.
    Files.delete(lab.runcRoot.resolve("c1"));
    Files.delete(lab.runcRoot);

    ProbeResult result = lab.run(probe("runc-list"));

    assertTrue(result.passed(), result.actual());
    assertEquals("0", result.values().get("count"));
    assertTrue(lab.runc.calls.isEmpty(), lab.runc.calls.toString());
    assertFalse(Files.exists(lab.runcRoot));
  }

  @Test
  void noContainersPassesOnAnEmptyList() throws IOException {
    lab.runc.answer(LIST, 0, "null", "");

    ProbeResult result = lab.run(probe("no-containers"));

    assertTrue(result.passed(), result.actual());
    assertEquals("0", result.values().get("count"));
    assertEquals("0", result.values().get("leftovers"));
  }

  @Test
  void noContainersFailsWhileRuncListsOne() throws IOException {
    lab.runc.answer(LIST, 0, FakeRunc.recorded("runc-1.1.5-list-one.json"), "");

    ProbeResult result = lab.run(probe("no-containers"));

    assertFalse(result.passed());
    assertEquals("1", result.values().get("count"));
    assertTrue(result.actual().contains("c1 (running)"), result.actual());
  }

  @Test
  void noContainersFailsOnALeftoverRuncInitOfTheLearner() throws IOException {
    lab.runc.answer(LIST, 0, "null", "");
    Path process = Files.createDirectories(lab.proc.resolve("7958"));
    Files.write(process.resolve("cmdline"), "runc\0init\0".getBytes(StandardCharsets.UTF_8));
    Path other = Files.createDirectories(lab.proc.resolve("7960"));
    Files.writeString(other.resolve("cmdline"), "sleep\0" + "30\0");
    long owner = Integer.toUnsignedLong((Integer) Files.getAttribute(process, "unix:uid"));
    ProbeContext context = lab.context();
    // The fake proc tree is owned by whoever runs the tests; make that the learner.
    LearnerIds testUser = LearnerIds.fixed(ProbeLab.learnerWithUid(owner));

    ProbeResult result = new NoContainersProbe(testUser).run(context, List.of());

    assertFalse(result.passed());
    assertEquals("1", result.values().get("leftovers"));
    assertTrue(result.actual().contains("[7958]"), result.actual());
  }

  @Test
  void noContainersIgnoresRuncInitOfOtherUsers() throws IOException {
    lab.runc.answer(LIST, 0, "null", "");
    Path process = Files.createDirectories(lab.proc.resolve("7958"));
    Files.write(process.resolve("cmdline"), "runc\0init\0".getBytes(StandardCharsets.UTF_8));
    long owner = Integer.toUnsignedLong((Integer) Files.getAttribute(process, "unix:uid"));
    LearnerIds someoneElse = LearnerIds.fixed(ProbeLab.learnerWithUid(owner + 1));

    ProbeResult result = new NoContainersProbe(someoneElse).run(lab.context(), List.of());

    assertTrue(result.passed(), result.actual());
  }
}
