package dev.rootlessctr.doctor;

import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.lesson.Requirement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Runs every host check in a fixed order and collects the findings into a report. */
public final class Doctor {

  private final DoctorInputs inputs;
  private final List<Check> checks;

  private Doctor(DoctorInputs inputs, List<Check> checks) {
    this.inputs = inputs;
    this.checks = List.copyOf(checks);
  }

  /** A doctor for the host and settings in {@code inputs}. */
  public static Doctor forHost(DoctorInputs inputs) {
    return new Doctor(
        inputs,
        List.of(
            new RootCheck(inputs.allowRoot()),
            new RuntimeCheck(
                new ToolCheck(
                    "runc",
                    Requirement.RUNC,
                    false,
                    "runc creates and runs the containers in every lesson from Run on."),
                "runc",
                false,
                inputs.smokeRuns()),
            new RuncCveCheck(),
            new ToolCheck(
                "skopeo",
                Requirement.SKOPEO,
                false,
                "skopeo copies images from the mirror into an OCI layout."),
            new ToolCheck(
                "oci-image-tool",
                Requirement.OCI_IMAGE_TOOL,
                false,
                "oci-image-tool unpacks an OCI image into a root filesystem."),
            new BusyboxCheck(),
            new RuntimeCheck(
                new ToolCheck(
                    "crun",
                    Requirement.CRUN,
                    true,
                    "crun is a second OCI runtime that optional lessons compare with runc."),
                "crun",
                true,
                inputs.smokeRuns()),
            new ToolCheck(
                "umoci",
                Requirement.UMOCI,
                true,
                "umoci, oci-image-tool's maintained successor, is used in optional lessons."),
            new SlirpCheck(
                new ToolCheck(
                    "slirp4netns",
                    Requirement.SLIRP4NETNS,
                    true,
                    "slirp4netns gives a container's own network namespace a way out, in the"
                        + " network lesson of the second course.")),
            new IdMapperCheck(),
            new UsernsCheck(),
            new AppArmorUsernsCheck(),
            new SubidCheck(),
            new CgroupCheck(),
            new RuntimeDirCheck(),
            new RuncStateDirCheck(inputs.runcStateDir()),
            new EditorCheck(),
            new DiskCheck(inputs.labDir()),
            new MirrorCheck(inputs.mirror())));
  }

  /**
   * Runs the checks, all at once (most of their time is waiting for a tool to print its version),
   * and reports them in their fixed order; never changes the host.
   */
  public DoctorReport run() {
    HostView host = inputs.host();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            checks.size(),
            r -> {
              Thread thread = new Thread(r, "doctor-check");
              thread.setDaemon(true);
              return thread;
            });
    List<Finding> findings;
    try {
      List<CompletableFuture<Finding>> running =
          checks.stream()
              .map(check -> CompletableFuture.supplyAsync(() -> check.run(host), pool))
              .toList();
      findings = running.stream().map(CompletableFuture::join).toList();
    } finally {
      pool.shutdown();
    }
    HostUser learner = host.user();
    Distro distro = host.distro();
    return new DoctorReport(
        distro,
        learner.uid(),
        learner.name(),
        findings,
        // Asking sudo, even with -n, may be logged or reported; only ask when there is
        // something to install.
        InstallOffer.forMissing(distro, findings, () -> SudoAccess.of(host, learner)));
  }
}
