package dev.rootlessctr.doctor;

import dev.rootlessctr.lesson.Requirement;
import dev.rootlessctr.process.Captured;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Says whether the runc on PATH carries the fix for CVE-2024-21626 (upstream or backported). */
final class RuncCveCheck implements Check {

  static final String FIXED_UPSTREAM = "1.1.12";

  /** Debian bookworm's security update backports the fix into 1.1.5. */
  static final String FIXED_BOOKWORM = "1.1.5+ds1-1+deb12u1";

  /** Where Debian's and Ubuntu's runc package puts the program. */
  static final String PACKAGED_RUNC = "/usr/sbin/runc";

  private static final String WHY =
      "runc before 1.1.12 leaks a host directory file descriptor into the container"
          + " (CVE-2024-21626), which lets a process in the container reach the host's files.";

  @Override
  public Finding run(HostView host) {
    Finding.Draft draft =
        Finding.about(
            "runc-cve-2024-21626",
            "runc CVE-2024-21626 fix",
            Requirement.RUNC,
            "`runc --version` against "
                + FIXED_UPSTREAM
                + ", and `dpkg-query -W -f '${Version}' runc` for distribution backports");
    Optional<Path> runc = host.which("runc");
    if (runc.isEmpty()) {
      return draft.warn(
          "not checked: runc was not found on your PATH", WHY, "Install runc first (see above).");
    }
    Optional<String> upstream = upstreamVersion(host, runc.get());
    if (upstream.isEmpty()) {
      return draft.warn(
          "not checked: `runc --version` did not say its version", WHY, upgradeFix(host));
    }
    String version = upstream.get();
    if (VersionNumbers.atLeast(version, FIXED_UPSTREAM)) {
      return draft.pass("runc " + version + " is " + FIXED_UPSTREAM + " or later");
    }
    Optional<String> packaged = debianPackageVersion(host, runc.get());
    if (packaged.isPresent() && carriesBackport(packaged.get())) {
      return draft.pass(
          "runc "
              + version
              + " is older than "
              + FIXED_UPSTREAM
              + ", but it is Debian's package "
              + packaged.get()
              + ", which carries the backported fix (bookworm's security"
              + " update "
              + FIXED_BOOKWORM
              + " or later)");
    }
    String seen =
        "runc "
            + version
            + " is older than "
            + FIXED_UPSTREAM
            + packaged
                .map(p -> " and Debian package version " + p + " has no backported fix")
                .orElse(" and no distribution backport is known to this course");
    return draft.warn(seen, WHY, upgradeFix(host));
  }

  private static Optional<String> upstreamVersion(HostView host, Path runc) {
    try {
      Captured captured = host.run(List.of(runc.toString(), "--version"));
      if (!captured.succeeded()) {
        return Optional.empty();
      }
      String version = ToolCheck.versionOf(captured.stdout());
      return version.matches("\\d+\\.\\d+.*") ? Optional.of(version) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  // The dpkg version only describes the runc on PATH when that runc is the packaged file.
  private static Optional<String> debianPackageVersion(HostView host, Path runc) {
    Optional<Path> dpkgQuery = host.which("dpkg-query");
    if (dpkgQuery.isEmpty() || !isPackagedRunc(host, runc)) {
      return Optional.empty();
    }
    try {
      Captured captured =
          host.run(List.of(dpkgQuery.get().toString(), "-W", "-f", "${Version}", "runc"));
      String version = captured.stdout().strip();
      return captured.succeeded() && !version.isEmpty() ? Optional.of(version) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean isPackagedRunc(HostView host, Path runc) {
    try {
      return host.realHostPathOf(runc).equals(PACKAGED_RUNC);
    } catch (IOException e) {
      return false;
    }
  }

  // Only the 1.1.5 line has a backport this course knows; later Debian uploads are >= 1.1.12.
  static boolean carriesBackport(String debianVersion) {
    return DebianVersion.upstreamOf(debianVersion).startsWith("1.1.5")
        && DebianVersion.ORDER.compare(debianVersion, FIXED_BOOKWORM) >= 0;
  }

  private static String upgradeFix(HostView host) {
    String sudo = SudoAccess.prefix(host);
    return switch (host.distro().family()) {
      case DEBIAN ->
          "Upgrade it (Debian 12 bookworm's fixed package is "
              + FIXED_BOOKWORM
              + ", from bookworm-security):\n"
              + "  "
              + sudo
              + "apt-get update && "
              + sudo
              + "apt-get install --only-upgrade -y runc";
      case UBUNTU ->
          "Upgrade it:\n"
              + "  "
              + sudo
              + "apt-get update && "
              + sudo
              + "apt-get install --only-upgrade -y runc";
      case FEDORA -> "Upgrade it:\n  " + sudo + "dnf upgrade -y runc";
      case OTHER -> "Upgrade runc to " + FIXED_UPSTREAM + " or later.";
    };
  }
}
