package dev.rootlessctr.doctor;

import java.util.List;
import java.util.Optional;

/** Package names and install commands for the course's tools on each distribution family. */
final class Packages {

  private Packages() {}

  /** The package that provides {@code tool} on {@code family}, if the course knows one. */
  static Optional<String> providing(String tool, Distro.Family family) {
    boolean apt = family == Distro.Family.DEBIAN || family == Distro.Family.UBUNTU;
    boolean dnf = family == Distro.Family.FEDORA;
    if (!apt && !dnf) {
      return Optional.empty();
    }
    return switch (tool) {
      case "runc", "skopeo", "crun", "umoci", "slirp4netns", "nano" -> Optional.of(tool);
      // Fedora does not package oci-image-tool; the fix text says how to get it.
      case "oci-image-tool" -> apt ? Optional.of(tool) : Optional.empty();
      // Fedora's busybox is built static; Debian splits it into busybox and busybox-static.
      case "busybox" -> Optional.of(apt ? "busybox-static" : "busybox");
      case "newuidmap", "newgidmap" -> Optional.of(apt ? "uidmap" : "shadow-utils");
      default -> Optional.empty();
    };
  }

  /** The shell line that installs {@code packages}, with {@code sudo} unless run as root. */
  static String installLine(Distro distro, List<String> packages, boolean asRoot) {
    String sudo = asRoot ? "" : "sudo ";
    String names = String.join(" ", packages);
    return switch (distro.family()) {
      case DEBIAN, UBUNTU -> sudo + "apt-get update && " + sudo + "apt-get install -y " + names;
      case FEDORA -> sudo + "dnf install -y " + names;
      case OTHER -> "install " + names + " with your distribution's package manager";
    };
  }

  /** The argument lists that {@link #installLine} shows, one per program run. */
  static List<List<String>> installSteps(Distro distro, List<String> packages, boolean asRoot) {
    List<String> sudo = asRoot ? List.of() : List.of("sudo");
    return switch (distro.family()) {
      case DEBIAN, UBUNTU ->
          List.of(
              concat(sudo, List.of("apt-get", "update")),
              concat(sudo, concat(List.of("apt-get", "install", "-y"), packages)));
      case FEDORA -> List.of(concat(sudo, concat(List.of("dnf", "install", "-y"), packages)));
      case OTHER -> List.of();
    };
  }

  /**
   * How to install one tool on this distribution: {@code lead}, then the command on its own line
   * (indented, so renderers never break it).
   */
  static String installFix(String lead, String tool, Distro distro, boolean asRoot) {
    Optional<String> pkg = providing(tool, distro.family());
    if (pkg.isPresent()) {
      String fix = lead + "\n  " + installLine(distro, List.of(pkg.get()), asRoot);
      if (distro.family() == Distro.Family.UBUNTU) {
        return fix
            + "\nIf apt cannot find it, enable Ubuntu's universe component first:\n  "
            + (asRoot ? "" : "sudo ")
            + "add-apt-repository universe";
      }
      return fix;
    }
    if (tool.equals("oci-image-tool") && distro.family() == Distro.Family.FEDORA) {
      return "Fedora does not package oci-image-tool; build it with Go:\n"
          + "  go install github.com/opencontainers/image-tools/cmd/oci-image-tool@latest\n"
          + "then put ~/go/bin on your PATH.";
    }
    return "Install " + tool + " with your distribution's package manager.";
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
  }
}
