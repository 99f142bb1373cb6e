package dev.rootlessctr.doctor;

import dev.rootlessctr.settings.XdgDirs;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What the doctor examines and the course settings it judges the host against.
 *
 * @param host the host to read, normally {@link HostView#real()}
 * @param runcStateDir the {@code runc --root} directory the shell passes (a host path)
 * @param labDir where the lessons write their files (a host path; may not exist yet)
 * @param mirror the offline mirror to ask, or {@code null} when this run does not know it
 * @param allowRoot whether running as root is only a warning ({@code --allow-root})
 * @param smokeRuns whether runc and crun each start a test container (a fraction of a second each);
 *     off for the quick diagnosis before the very first prompt
 */
public record DoctorInputs(
    HostView host,
    Path runcStateDir,
    Path labDir,
    MirrorStatus mirror,
    boolean allowRoot,
    boolean smokeRuns) {

  public DoctorInputs {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(runcStateDir, "runcStateDir");
    Objects.requireNonNull(labDir, "labDir");
  }

  /**
   * Inputs with the course's defaults for {@code host}: the state directory from {@link
   * RuncStateDir#forHost}, the XDG data directory as lab, no mirror, root refused.
   */
  public static DoctorInputs defaults(HostView host) {
    return new DoctorInputs(
        host, RuncStateDir.forHost(host), XdgDirs.from(host.env()).data(), null, false, true);
  }

  public DoctorInputs withAllowRoot(boolean allow) {
    return new DoctorInputs(host, runcStateDir, labDir, mirror, allow, smokeRuns);
  }

  public DoctorInputs withMirror(MirrorStatus status) {
    return new DoctorInputs(host, runcStateDir, labDir, status, allowRoot, smokeRuns);
  }

  public DoctorInputs withRuncStateDir(Path dir) {
    return new DoctorInputs(host, dir, labDir, mirror, allowRoot, smokeRuns);
  }

  /** The same inputs with or without the runtimes' test containers. */
  public DoctorInputs withSmokeRuns(boolean start) {
    return new DoctorInputs(host, runcStateDir, labDir, mirror, allowRoot, start);
  }

  public DoctorInputs withLabDir(Path dir) {
    return new DoctorInputs(host, runcStateDir, dir, mirror, allowRoot, smokeRuns);
  }
}
