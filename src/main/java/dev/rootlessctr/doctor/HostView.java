package dev.rootlessctr.doctor;

import dev.rootlessctr.host.AccountBook;
import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.host.ProcStatus;
import dev.rootlessctr.process.Captured;
import dev.rootlessctr.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The host as the checks see it: files under a root, the learner's environment, programs on PATH.
 *
 * <p>Host paths are written as on the real machine ({@code /proc/sys/user/max_user_namespaces}); a
 * view decides where they really live, so tests can point every check at a fake tree.
 */
public interface HostView {

  /** The real host: root {@code /}, this process's environment, real programs. */
  static HostView real() {
    return rooted(Path.of("/"), System.getenv(), ProcessRunner.system(), SpaceMeter.fileStore());
  }

  /** A view of the tree under {@code root} with the given environment and process runner. */
  static HostView rooted(
      Path root, Map<String, String> env, ProcessRunner processes, SpaceMeter space) {
    return new RootedHostView(root, env, processes, space);
  }

  /** Where the host path {@code hostPath} lives in this view. */
  Path resolve(String hostPath);

  /** The host path of a file in this view, as written, e.g. {@code /usr/bin/runc}. */
  String hostPathOf(Path path);

  /** The host path of a file in this view with symlinks resolved, e.g. {@code /usr/sbin/runc}. */
  String realHostPathOf(Path path) throws IOException;

  /** The text of a host file, or empty when it does not exist or cannot be read. */
  Optional<String> read(String hostPath);

  /** The learner's environment (PATH decides which programs are found). */
  Map<String, String> env();

  /** The first executable named {@code program} in the learner's PATH. */
  Optional<Path> which(String program);

  /** Runs a program found by {@link #which} with the learner's environment, for up to 10 s. */
  default Captured run(List<String> argv) throws IOException {
    return run(argv, Duration.ofSeconds(10));
  }

  /** Runs a program with the learner's environment; killed, with its children, after timeout. */
  Captured run(List<String> argv, Duration timeout) throws IOException;

  /** Bytes an unprivileged user may still write on the filesystem holding {@code path}. */
  long usableBytes(Path path) throws IOException;

  /**
   * Who runs the checks: the ids in {@code /proc/self/status}, named by {@code /etc/passwd}; {@link
   * HostUser#unknown()} when the status file cannot be read.
   */
  default HostUser user() {
    return read("/proc/self/status")
        .flatMap(ProcStatus::parse)
        .map(status -> HostUser.of(status, accounts(), env()))
        .orElseGet(HostUser::unknown);
  }

  /** The account database of this view ({@code /etc/passwd}, {@code /etc/group}). */
  default AccountBook accounts() {
    return AccountBook.files(resolve("/etc/passwd"), resolve("/etc/group"));
  }

  /** The distribution from {@code /etc/os-release} (or {@code /usr/lib/os-release}). */
  default Distro distro() {
    return read("/etc/os-release")
        .or(() -> read("/usr/lib/os-release"))
        .map(Distro::parse)
        .orElseGet(Distro::unknown);
  }
}
