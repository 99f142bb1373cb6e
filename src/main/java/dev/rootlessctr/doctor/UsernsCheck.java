package dev.rootlessctr.doctor;

import dev.rootlessctr.lesson.Requirement;
import dev.rootlessctr.process.Captured;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Tries an unprivileged user namespace and reads the kernel settings that allow it. */
final class UsernsCheck implements Check {

  static final String CLONE = "kernel.unprivileged_userns_clone";
  static final String MAX = "user.max_user_namespaces";
  static final String APPARMOR = "kernel.apparmor_restrict_unprivileged_userns";

  private static final String WHY =
      "Rootless runc puts the container in a new user namespace in which your uid becomes root."
          + " If the kernel refuses, runc fails with \"operation not permitted\".";

  @Override
  public Finding run(HostView host) {
    Finding.Draft draft =
        Finding.about(
            "userns",
            "User namespaces",
            Requirement.USERNS,
            "`unshare --user --map-root-user true`, "
                + Sysctl.path(CLONE)
                + ", "
                + Sysctl.path(MAX));
    String sudo = SudoAccess.prefix(host);
    if (Sysctl.read(host, CLONE).filter("0"::equals).isPresent()) {
      return draft.fail(
          CLONE + " = 0: this kernel lets only root create user namespaces",
          WHY,
          persistentSysctl(sudo, CLONE, "1"));
    }
    if (Sysctl.read(host, MAX).filter("0"::equals).isPresent()) {
      return draft.fail(
          MAX + " = 0: no user namespaces may be created at all",
          WHY,
          persistentSysctl(sudo, MAX, "15000"));
    }
    String limit = Sysctl.read(host, MAX).map(v -> "; " + MAX + " = " + v).orElse("");
    Optional<Path> unshare = host.which("unshare");
    if (unshare.isEmpty()) {
      return draft.warn(
          "could not try one (unshare is not on your PATH); the kernel settings allow them" + limit,
          WHY,
          "unshare comes with util-linux; install it to let the doctor try.");
    }
    Captured tried;
    try {
      tried = host.run(List.of(unshare.get().toString(), "--user", "--map-root-user", "true"));
    } catch (IOException e) {
      return draft.warn("could not start unshare: " + e.getMessage() + limit, WHY, "");
    }
    if (tried.succeeded()) {
      return draft.pass("created one: `unshare --user --map-root-user true` succeeded" + limit);
    }
    String error = ToolCheck.firstLine(tried.stderr() + tried.stdout());
    if (Sysctl.read(host, APPARMOR).filter("1"::equals).isPresent()) {
      return draft.warn(
          "unshare was refused ("
              + error
              + ") because AppArmor restricts user namespaces to"
              + " programs it exempts",
          WHY + " Whether runc itself is exempted is the AppArmor finding below.",
          "See the AppArmor finding.");
    }
    return draft.fail(
        "`unshare --user --map-root-user true` failed: " + error,
        WHY,
        "The kernel settings allow user namespaces, so something else blocks them: inside a"
            + " container, the container's seccomp profile or the host decides; ask whoever runs"
            + " the machine to allow unprivileged user namespaces.");
  }

  private static String persistentSysctl(String sudo, String name, String value) {
    return "Allow them now and after reboots:\n"
        + "  "
        + sudo
        + "sysctl -w "
        + name
        + "="
        + value
        + "\n"
        + "  echo '"
        + name
        + " = "
        + value
        + "' | "
        + sudo
        + "tee /etc/sysctl.d/90-rootless-ctr.conf";
  }
}
