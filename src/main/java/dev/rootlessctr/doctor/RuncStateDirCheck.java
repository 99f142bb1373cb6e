package dev.rootlessctr.doctor;

import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.lab.PrivateDir;
import dev.rootlessctr.lab.RuncRoot;
import dev.rootlessctr.lesson.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Checks that the runc state directory the course passes as {@code --root} is the learner's. */
final class RuncStateDirCheck implements Check {

  private static final String WHY =
      "runc keeps each container's state in its --root directory and must create and write it"
          + " as you. The course passes the same --root every time; without one, runc falls back"
          + " to /run/runc, which only root may create (\"mkdir /run/runc: permission denied\").";

  private static final String PRIVATE_WHY =
      " Whoever controls that directory controls your containers' state, so rootless-ctr only"
          + " uses one that is yours, mode 0700, and not a symlink.";

  private final Path stateDir;

  /** A check of {@code stateDir}, a host path. */
  RuncStateDirCheck(Path stateDir) {
    this.stateDir = stateDir;
  }

  @Override
  public Finding run(HostView host) {
    Finding.Draft draft =
        Finding.about(
            "runc-state-dir",
            "runc state directory",
            Requirement.RUNC_STATE_DIR,
            stateDir + " (runc --root): owner and permissions, or its nearest existing parent");
    HostUser learner = host.user();
    Path dir = host.resolve(stateDir.toString());
    Path usual = RuncRoot.sharedTmp(Path.of("/tmp"), learner.uid());
    Optional<String> rejected = RuncStateDir.plan(host).rejected();
    try {
      PrivateDir.Inspection found = PrivateDir.inspect(dir);
      Optional<String> problem = found.problemFor(learner.uid());
      if (problem.isPresent()) {
        String shown = problem.get().replace(dir.toString(), stateDir.toString());
        return draft.fail(
            shown + "; runc must not keep your containers there.",
            WHY + PRIVATE_WHY,
            "Start rootless-ctr again: it then uses a private directory of yours instead. "
                + "Only "
                + (found.owner() == 0 ? "an administrator" : "its owner or an administrator")
                + " can remove "
                + stateDir
                + ".");
      }
      if (rejected.isPresent() && !stateDir.equals(usual)) {
        return draft.warn(
            rejected.get() + "; rootless-ctr uses " + stateDir + " instead.",
            WHY + PRIVATE_WHY,
            "Nothing to do: the course works with "
                + stateDir
                + ". To get the usual name back,"
                + " ask "
                + (rejected.get().contains("(uid 0)")
                    ? "an administrator"
                    : "that user or an administrator")
                + " to remove "
                + usual
                + ", or log in directly so that XDG_RUNTIME_DIR is set.");
      }
      if (Files.isDirectory(dir)) {
        DirAccess access = DirAccess.of(dir);
        if (!access.writableBy(learner)) {
          return draft.fail(
              stateDir + " is yours but not writable (mode " + access.modeText() + ")",
              WHY,
              "chmod u+rwx " + stateDir);
        }
        return draft.pass(stateDir + " exists, is yours and writable");
      }
      if (Files.exists(dir)) {
        return draft.fail(stateDir + " exists but is not a directory", WHY, "rm " + stateDir);
      }
      Path parent = DirAccess.nearestExisting(dir);
      String parentHost = host.hostPathOf(parent);
      if (DirAccess.of(parent).writableBy(learner)) {
        return draft.pass(stateDir + " does not exist yet; you can create it in " + parentHost);
      }
      return draft.fail(
          stateDir
              + " does not exist and you cannot create it: "
              + parentHost
              + " is not writable for you",
          WHY,
          "Set XDG_RUNTIME_DIR to a directory of yours (log in directly so systemd-logind"
              + " creates /run/user/"
              + learner.uid()
              + "), or make "
              + parentHost
              + " writable for you.");
    } catch (IOException e) {
      return draft.fail("cannot inspect " + stateDir + ": " + e.getMessage(), WHY, "");
    }
  }
}
