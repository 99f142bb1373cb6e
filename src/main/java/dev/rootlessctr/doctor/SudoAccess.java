package dev.rootlessctr.doctor;

import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.process.Captured;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Whether, and how, the learner can run an install command with administrator rights. */
public enum SudoAccess {
  /** Already root: the command runs without sudo. */
  NOT_NEEDED,
  /** {@code sudo -n true} succeeded: sudo runs without asking. */
  PASSWORDLESS,
  /** Member of group sudo or wheel: sudo will ask for the learner's password on the terminal. */
  WITH_PASSWORD,
  /** No sudo, or not allowed to use it: someone else has to install. */
  UNAVAILABLE;

  /** Whether an install can be offered to run at all. */
  public boolean canInstall() {
    return this != UNAVAILABLE;
  }

  /** {@code "sudo "} before an admin command, or nothing when the learner is root already. */
  static String prefix(HostView host) {
    return host.user().isRoot() ? "" : "sudo ";
  }

  private static boolean isMember(HostView host, String group, HostUser learner) {
    try {
      return host.accounts().groupNamed(group).map(g -> g.includes(learner)).orElse(false);
    } catch (IOException unreadable) {
      return false;
    }
  }

  static SudoAccess of(HostView host, HostUser learner) {
    if (learner.isRoot()) {
      return NOT_NEEDED;
    }
    Optional<Path> sudo = host.which("sudo");
    if (sudo.isEmpty()) {
      return UNAVAILABLE;
    }
    try {
      Captured tried = host.run(List.of(sudo.get().toString(), "-n", "true"));
      if (tried.succeeded()) {
        return PASSWORDLESS;
      }
    } catch (IOException e) {
      return UNAVAILABLE;
    }
    boolean member = isMember(host, "sudo", learner) || isMember(host, "wheel", learner);
    return member ? WITH_PASSWORD : UNAVAILABLE;
  }
}
