package dev.rootlessctr.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.lesson.Requirement;
import dev.rootlessctr.process.Captured;
import dev.rootlessctr.process.ProcessRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallOfferTest {

  @TempDir Path tree;

  private FakeHost missingRuncSkopeoAndBusybox() {
    FakeHost host = FakeHost.healthy(tree);
    host.remove("/usr/bin/runc").remove("/usr/bin/skopeo").remove("/usr/bin/crun");
    host.script("/usr/bin/sudo", "[ \"$*\" = '-n true' ] && exit 0; exit 1");
    return host;
  }

  @Test
  void oneAptCommandListsExactlyTheMissingRequiredPackages() {
    DoctorReport report = missingRuncSkopeoAndBusybox().report();
    InstallOffer offer = report.installOffer().orElseThrow();
    assertEquals(List.of("runc", "skopeo", "busybox-static"), offer.packages());
    assertEquals(
        "sudo apt-get update && sudo apt-get install -y runc skopeo busybox-static",
        offer.display());
    assertEquals(
        List.of(
            List.of("sudo", "apt-get", "update"),
            List.of("sudo", "apt-get", "install", "-y", "runc", "skopeo", "busybox-static")),
        offer.steps());
    assertEquals(SudoAccess.PASSWORDLESS, offer.sudo());
  }

  @Test
  void onFedoraItIsOneDnfCommand() {
    FakeHost host = missingRuncSkopeoAndBusybox();
    host.file("/etc/os-release", FakeHost.FEDORA);
    InstallOffer offer = host.report().installOffer().orElseThrow();
    assertEquals("sudo dnf install -y runc skopeo busybox", offer.display());
    assertEquals(
        List.of(List.of("sudo", "dnf", "install", "-y", "runc", "skopeo", "busybox")),
        offer.steps());
  }

  @Test
  void failuresThatNoPackageFixesMakeNoOffer() throws Exception {
    FakeHost host = FakeHost.healthy(tree);
    // A static ELF that cannot start: busybox fails, but installing would not help.
    java.nio.file.Files.createDirectories(host.path("/bin"));
    java.nio.file.Files.write(host.path("/bin/busybox"), ElfBytes.elf64(null));
    DoctorReport report = host.report();
    Finding busybox = report.finding("busybox").orElseThrow();
    assertEquals(Status.FAIL, busybox.status());
    assertTrue(busybox.packages().isEmpty());
    assertTrue(report.installOffer().isEmpty());
  }

  @Test
  void sudoAccessIsJudgedWithoutRealSudo() {
    FakeHost host = FakeHost.healthy(tree);
    HostUser learner = host.view().user();
    assertEquals(SudoAccess.UNAVAILABLE, SudoAccess.of(host.view(), learner), "no sudo at all");
    host.script("/usr/bin/sudo", "exit 1");
    assertEquals(SudoAccess.UNAVAILABLE, SudoAccess.of(host.view(), learner));
    host.file("/etc/group", "sudo:x:27:someone,learner\n");
    assertEquals(SudoAccess.WITH_PASSWORD, SudoAccess.of(host.view(), learner));
    host.file("/etc/group", "wheel:x:10:learner\n");
    assertEquals(SudoAccess.WITH_PASSWORD, SudoAccess.of(host.view(), learner));
    host.file("/etc/group", "sudo:x:27:\n");
    HostUser inSudoByGid =
        new HostUser(
            learner.name(),
            learner.uid(),
            learner.gid(),
            Set.of(learner.uid(), 27L),
            learner.home());
    assertEquals(SudoAccess.WITH_PASSWORD, SudoAccess.of(host.view(), inSudoByGid));
    assertEquals(SudoAccess.UNAVAILABLE, SudoAccess.of(host.view(), learner));
    host.script("/usr/bin/sudo", "exit 0");
    assertEquals(SudoAccess.PASSWORDLESS, SudoAccess.of(host.view(), learner));
    assertEquals(
        SudoAccess.NOT_NEEDED,
        SudoAccess.of(
            host.view(), new HostUser("root", 0, 0, Set.of(0L), java.nio.file.Path.of("/root"))));
  }

  @Test
  void sudoIsNotAskedWhenNothingIsMissing() throws Exception {
    FakeHost host = FakeHost.healthy(tree);
    Path asked = host.path("/sudo-was-asked");
    host.script("/usr/bin/sudo", "touch '" + asked + "'; exit 0");
    java.nio.file.Files.createDirectories(host.path("/bin"));
    java.nio.file.Files.write(host.path("/bin/busybox"), ElfBytes.elf64(null));
    assertTrue(host.report().installOffer().isEmpty());
    assertFalse(java.nio.file.Files.exists(asked), "sudo ran although nothing is missing");
    host.remove("/usr/bin/skopeo").report();
    assertTrue(java.nio.file.Files.exists(asked), "sudo -n true decides how to offer the install");
  }

  @Test
  void asRootTheCommandHasNoSudo() {
    FakeHost host = missingRuncSkopeoAndBusybox().user(0);
    InstallOffer offer = host.report().installOffer().orElseThrow();
    assertEquals(
        "apt-get update && apt-get install -y runc skopeo busybox-static", offer.display());
    assertEquals(SudoAccess.NOT_NEEDED, offer.sudo());
  }

  @Test
  void nothingRunsWithoutConsent() throws Exception {
    InstallOffer offer = missingRuncSkopeoAndBusybox().report().installOffer().orElseThrow();
    Recorder recorder = new Recorder(0);
    List<String> asked = new ArrayList<>();
    InstallOffer.Outcome outcome =
        offer.runIfConsented(command -> asked.add(command) && false, recorder, tree, Map.of());
    assertEquals(List.of(offer.display()), asked);
    assertFalse(outcome.consented());
    assertTrue(recorder.ran.isEmpty());
  }

  @Test
  void withConsentTheStepsRunInOrderAndStopAtAFailure() throws Exception {
    InstallOffer offer = missingRuncSkopeoAndBusybox().report().installOffer().orElseThrow();
    Recorder works = new Recorder(0);
    assertTrue(offer.runIfConsented(command -> true, works, tree, Map.of()).installed());
    assertEquals(offer.steps(), works.ran);
    Recorder fails = new Recorder(100);
    InstallOffer.Outcome outcome = offer.runIfConsented(command -> true, fails, tree, Map.of());
    assertFalse(outcome.installed());
    assertEquals(List.of(offer.steps().get(0)), fails.ran);
  }

  @Test
  void withoutSudoTheLearnerIsNotEvenAsked() throws Exception {
    FakeHost host = missingRuncSkopeoAndBusybox().remove("/usr/bin/sudo");
    InstallOffer offer = host.report().installOffer().orElseThrow();
    assertEquals(SudoAccess.UNAVAILABLE, offer.sudo());
    Recorder recorder = new Recorder(0);
    InstallOffer.Outcome outcome =
        offer.runIfConsented(
            command -> {
              throw new AssertionError("asked although sudo cannot be used");
            },
            recorder,
            tree,
            Map.of());
    assertFalse(outcome.consented());
    assertTrue(recorder.ran.isEmpty());
  }

  @Test
  void blockersAreFilteredByALessonsTags() {
    DoctorReport report = missingRuncSkopeoAndBusybox().report();
    assertEquals(
        List.of("skopeo"),
        report.blockers(Set.of(Requirement.SKOPEO, Requirement.USERNS)).stream()
            .map(Finding::id)
            .toList());
    // crun is optional for the course, but a lesson that declares it cannot work without it.
    assertEquals(
        List.of("crun"),
        report.blockers(Set.of(Requirement.CRUN, Requirement.USERNS)).stream()
            .map(Finding::id)
            .toList());
    assertFalse(report.blockers().stream().anyMatch(f -> f.id().equals("crun")));
    assertFalse(report.ok());
  }

  /** Records the programs it is asked to run and exits with a fixed status. */
  private static final class Recorder implements ProcessRunner {
    final List<List<String>> ran = new ArrayList<>();
    final int exitCode;

    Recorder(int exitCode) {
      this.exitCode = exitCode;
    }

    @Override
    public Captured run(
        List<String> argv, Path dir, Map<String, String> env, java.time.Duration timeout) {
      ran.add(argv);
      return new Captured(argv, exitCode, "", "", false);
    }
  }
}
