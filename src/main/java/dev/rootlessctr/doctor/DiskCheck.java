package dev.rootlessctr.doctor;

import dev.rootlessctr.host.HumanSize;
import dev.rootlessctr.lesson.Requirement;
import java.io.IOException;
import java.nio.file.Path;

/** Measures free space where the lab directory lives. */
final class DiskCheck implements Check {

  static final long WARN_BELOW = 200L * 1024 * 1024;
  static final long FAIL_BELOW = 50L * 1024 * 1024;

  private static final String WHY =
      "The lessons copy images, unpack root filesystems and keep OCI layouts in the lab"
          + " directory; 200 MiB leaves comfortable room, under 50 MiB unpacking fails midway.";

  private final Path labDir;

  /** A check of the filesystem holding {@code labDir}, a host path that may not exist yet. */
  DiskCheck(Path labDir) {
    this.labDir = labDir;
  }

  @Override
  public Finding run(HostView host) {
    Finding.Draft draft =
        Finding.about(
            "disk",
            "Free disk space",
            Requirement.DISK,
            "usable space on the filesystem holding " + labDir);
    Path existing = DirAccess.nearestExisting(host.resolve(labDir.toString()));
    long free;
    try {
      free = host.usableBytes(existing);
    } catch (IOException e) {
      return draft.warn("cannot measure: " + e.getMessage(), WHY, "");
    }
    String seen = HumanSize.of(free) + " free for " + labDir;
    String fix =
        "Free some space on the filesystem holding "
            + host.hostPathOf(existing)
            + " (see `du -sh ~/.cache/*`; "
            + cleanCommand(host)
            + " drops downloaded packages).";
    if (free < FAIL_BELOW) {
      return draft.fail(seen + " (under 50 MiB)", WHY, fix);
    }
    if (free < WARN_BELOW) {
      return draft.warn(seen + " (under 200 MiB)", WHY, fix);
    }
    return draft.pass(seen);
  }

  private static String cleanCommand(HostView host) {
    String sudo = SudoAccess.prefix(host);
    return switch (host.distro().family()) {
      case DEBIAN, UBUNTU -> "`" + sudo + "apt-get clean`";
      case FEDORA -> "`" + sudo + "dnf clean all`";
      case OTHER -> "your package manager's cache cleaning";
    };
  }
}
