package dev.rootlessctr.doctor;

import dev.rootlessctr.lesson.Requirement;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Handles Ubuntu 23.10+'s AppArmor restriction, which only exempts the packaged runc. */
final class AppArmorUsernsCheck implements Check {

  private static final String WHY =
      "With "
          + UsernsCheck.APPARMOR
          + " = 1 (Ubuntu 23.10 and later), AppArmor lets only"
          + " programs with a profile that allows `userns` create user namespaces. Ubuntu's"
          + " shipped profile exempts "
          + RuncCveCheck.PACKAGED_RUNC
          + " only; any other runc"
          + " fails with \"write failed /proc/self/uid_map: Operation not permitted\".";

  @Override
  public Finding run(HostView host) {
    Finding.Draft draft =
        Finding.about(
            "apparmor-userns",
            "AppArmor userns",
            Requirement.USERNS,
            Sysctl.path(UsernsCheck.APPARMOR) + " and where the runc on your PATH really is");
    Optional<String> value = Sysctl.read(host, UsernsCheck.APPARMOR);
    if (value.isEmpty()) {
      return draft.pass("this kernel has no AppArmor user-namespace restriction");
    }
    if (!value.get().equals("1")) {
      return draft.pass(UsernsCheck.APPARMOR + " = " + value.get() + ": not restricted");
    }
    String version =
        host.distro().family() == Distro.Family.UBUNTU
            ? " (as on Ubuntu " + host.distro().versionId() + ")"
            : "";
    Optional<Path> runc = host.which("runc");
    if (runc.isEmpty()) {
      return draft.warn(
          UsernsCheck.APPARMOR + " = 1" + version + ", and runc is not on your PATH yet",
          WHY,
          "Install runc from your distribution so it lands at "
              + RuncCveCheck.PACKAGED_RUNC
              + ", which the shipped profile exempts.");
    }
    String onPath = host.hostPathOf(runc.get());
    String real = realPath(host, runc.get());
    String shown = onPath.equals(real) ? onPath : onPath + " -> " + real;
    if (real.equals(RuncCveCheck.PACKAGED_RUNC)) {
      return draft.pass(
          "restricted (= 1)"
              + version
              + ", but the runc on your PATH is "
              + shown
              + ", which Ubuntu's shipped AppArmor profile exempts");
    }
    return draft.fail(
        "restricted (= 1)"
            + version
            + ", and the runc on your PATH is "
            + shown
            + ", which no shipped profile exempts",
        WHY,
        fix(real, SudoAccess.prefix(host)));
  }

  private static String realPath(HostView host, Path runc) {
    try {
      return host.realHostPathOf(runc);
    } catch (IOException e) {
      return host.hostPathOf(runc);
    }
  }

  private static String fix(String runc, String sudo) {
    return "Give this runc its own AppArmor profile that allows user namespaces:\n"
        + "  printf 'abi <abi/4.0>,\\ninclude <tunables/global>\\nprofile rootless-ctr-runc "
        + runc
        + " flags=(unconfined) {\\n  userns,\\n}\\n' | "
        + sudo
        + "tee /etc/apparmor.d/rootless-ctr-runc\n"
        + "  "
        + sudo
        + "apparmor_parser -r /etc/apparmor.d/rootless-ctr-runc\n"
        + "Or lift the restriction for every program until the next reboot:\n"
        + "  "
        + sudo
        + "sysctl kernel.apparmor_restrict_unprivileged_userns=0";
  }
}
