package dev.rootlessctr.doctor;

import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.lesson.Requirement;

/** Refuses root: as root nothing in the course would be rootless. */
final class RootCheck implements Check {

  private static final String WHY =
      "As root, runc keeps its state in /run/runc and `runc spec --rootless` maps the"
          + " container's uid 0 to host uid 0, so the container's root is the real root and"
          + " nothing you see is rootless. Rootless Docker's setup tool refuses root for the"
          + " same reason.";

  private final boolean allowRoot;

  RootCheck(boolean allowRoot) {
    this.allowRoot = allowRoot;
  }

  @Override
  public Finding run(HostView host) {
    Finding.Draft draft =
        Finding.about(
            "not-root",
            "Not running as root",
            Requirement.NOT_ROOT,
            "effective uid on the Uid: line of /proc/self/status");
    HostUser learner = host.user();
    if (!learner.known()) {
      return draft.warn(
          "could not read the effective uid from /proc/self/status",
          "The course must run as an ordinary user; the doctor could not tell who you are.",
          "Make sure /proc is mounted, then run the doctor again.");
    }
    if (!learner.isRoot()) {
      return draft.pass("uid " + learner.uid() + " (" + learner.name() + ")");
    }
    if (allowRoot) {
      return draft.warn(
          "running as root (uid 0), allowed by --allow-root: nothing will be rootless",
          WHY,
          "For the real thing, run the course as an ordinary user (e.g. `su - learner`).");
    }
    return draft.fail(
        "running as root (uid 0)",
        WHY,
        "Run the course as an ordinary user: log in as one, or `su - NAME`"
            + " (create one with `useradd -m NAME`).\n"
            + "To look around as root anyway, pass --allow-root (nothing will be rootless).");
  }
}
