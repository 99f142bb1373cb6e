package dev.rootlessctr.doctor;

import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.lesson.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks XDG_RUNTIME_DIR, which decides where runc's state lives; unusable means a fallback. */
final class RuntimeDirCheck implements Check {

  private static final String WHY =
      "Without --root, runc keeps its state in $XDG_RUNTIME_DIR/runc, or in /run/runc when that"
          + " is unset; only root may create /run/runc, hence \"mkdir /run/runc: permission"
          + " denied\" after su or sudo -u, which start no login session. The course always passes"
          + " --root, so this only changes where the state goes: ";

  @Override
  public Finding run(HostView host) {
    Finding.Draft draft =
        Finding.about(
            "xdg-runtime-dir",
            "XDG_RUNTIME_DIR",
            Requirement.RUNC_STATE_DIR,
            "the XDG_RUNTIME_DIR variable and the directory it names");
    HostUser learner = host.user();
    String value = host.env().get("XDG_RUNTIME_DIR");
    String why = WHY + RuncStateDir.forHost(host) + ".";
    String fix =
        "Log in as "
            + learner.name()
            + " directly (console, ssh, desktop, or `machinectl shell "
            + learner.name()
            + "@`) so systemd-logind creates /run/user/"
            + learner.uid()
            + ". Or carry on: the fallback works.";
    if (value == null || value.isEmpty()) {
      return draft.warn("not set (typical after su or sudo -u)", why, fix);
    }
    if (RuncStateDir.usableRuntimeDir(host, learner).isPresent()) {
      return draft.pass(value + " (yours, writable)");
    }
    return draft.warn(value + " is set but not usable: " + problem(host, value, learner), why, fix);
  }

  private static String problem(HostView host, String value, HostUser learner) {
    if (!value.startsWith("/")) {
      return "not an absolute path";
    }
    Path dir = host.resolve(value);
    if (!Files.isDirectory(dir)) {
      return "no such directory";
    }
    try {
      DirAccess access = DirAccess.of(dir);
      if (!access.ownedBy(learner)) {
        return "it belongs to uid "
            + access.owner()
            + " (left over from the user you switched from?)";
      }
      return "you cannot write to it (mode " + access.modeText() + ")";
    } catch (IOException e) {
      return "cannot read its owner: " + e.getMessage();
    }
  }
}
