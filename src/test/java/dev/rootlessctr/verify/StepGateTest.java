package dev.rootlessctr.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.doctor.Doctor;
import dev.rootlessctr.doctor.DoctorReport;
import dev.rootlessctr.doctor.FakeHost;
import dev.rootlessctr.exec.ShellState;
import dev.rootlessctr.exec.TypedLineRunner;
import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.lab.Lab;
import dev.rootlessctr.lesson.Lesson;
import dev.rootlessctr.lesson.LessonParser;
import dev.rootlessctr.probe.Probes;
import dev.rootlessctr.process.ProcessRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify skips a step whose own needs the doctor finds unmet on the (fake) host, with the finding
 * as the reason, in every report form; on a host that has them the step runs and is checked.
 */
@Timeout(60)
class StepGateTest {

  private static final String LESSON =
      """
      # Limits

      ## Make a file

      ```sh
      touch made.txt
      ```

      ### Check

      - file exists: `made.txt`

      ## Limit it

      <!-- needs: cgroups -->

      ```sh
      touch limits.txt
      ```

      ### Check

      - file exists: `limits.txt`
      """;

  @TempDir Path root;

  private List<StepResult> verifyOn(FakeHost host) throws Exception {
    Path file = Files.writeString(root.resolve("01-limits.md"), LESSON);
    Lesson lesson = new LessonParser().parse(file, 1);
    DoctorReport report = Doctor.forHost(host.inputs().withSmokeRuns(false)).run();
    Path labDir = Files.createDirectories(root.resolve("lab"));
    Map<String, String> env = new LinkedHashMap<>(System.getenv());
    CourseVerifier verifier =
        new CourseVerifier(
            new Lab(labDir, root.resolve("runc")),
            HostUser.current(),
            new ShellState(labDir, env),
            new TypedLineRunner(
                Files.createDirectories(root.resolve("scratch")), Duration.ofSeconds(20)),
            Probes.standard(),
            ProcessRunner.system(),
            (l, s) -> Optional.empty(),
            new VerifyCommand.DoctorGate(CompletableFuture.completedFuture(report)));
    return verifier.verify(List.of(lesson), r -> {});
  }

  @Test
  void onCgroupV1TheStepIsSkippedWithTheDoctorsFindingAndNothingFails() throws Exception {
    FakeHost host =
        FakeHost.healthy(Files.createDirectories(root.resolve("host")))
            .remove("/sys/fs/cgroup/cgroup.controllers");
    List<StepResult> results = verifyOn(host);
    assertEquals(StepResult.Verdict.PASSED, results.get(0).verdict(), results.toString());
    StepResult skipped = results.get(1);
    assertEquals(StepResult.Verdict.SKIPPED, skipped.verdict(), results.toString());
    String reason =
        "this host cannot: Control groups: cgroup v1 (no /sys/fs/cgroup/cgroup.controllers): an"
            + " unprivileged user gets no cgroup";
    assertEquals(List.of(reason), skipped.reasons());
    assertFalse(Files.exists(root.resolve("lab/limits.txt")), "a skipped step's commands not run");

    StringWriter text = new StringWriter();
    StepLines tap = new StepLines(new PrintWriter(text), true);
    tap.start(results.size());
    results.forEach(tap::step);
    tap.summary(Tally.of(results), List.of());
    TapStream stream = TapStream.parse(text.toString());
    assertEquals("SKIP " + reason, stream.points().get(1).directive());
    assertTrue(text.toString().contains("1 passed, 0 failed, 1 skipped"), text.toString());

    Path xml = root.resolve("verify.xml");
    JunitReport.write(xml, "deeper", results, List.of(), LocalDateTime.now(), "host");
    JunitSchema.validate(xml);
    String junit = Files.readString(xml);
    assertTrue(junit.contains("<skipped message=\"" + reason + "\"/>"), junit);
  }

  @Test
  void onADelegatedCgroupV2TheStepRunsAndIsChecked() throws Exception {
    List<StepResult> results =
        verifyOn(FakeHost.healthy(Files.createDirectories(root.resolve("host"))));
    assertEquals(StepResult.Verdict.PASSED, results.get(1).verdict(), results.toString());
    assertTrue(Files.exists(root.resolve("lab/limits.txt")));
  }
}
