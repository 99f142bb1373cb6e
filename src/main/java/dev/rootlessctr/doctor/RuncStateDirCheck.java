package dev.rootlessctr.doctor;

import dev.rootlessctr.lesson.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks that the runc state directory the course passes as {@code --root} is the learner's. */
final class RuncStateDirCheck implements Check {

  private static final String WHY =
      "runc keeps each container's state in its --root directory and must create and write it"
          + " as you. The course passes the same --root every time; without one, runc falls back"
          + " to /run/runc, which only root may create (\"mkdir /run/runc: permission denied\").";

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
    Learner learner = Learner.of(host);
    String sudo = learner.isRoot() ? "" : "sudo ";
    Path dir = host.resolve(stateDir.toString());
    try {
      if (Files.isDirectory(dir)) {
        DirAccess access = DirAccess.of(dir);
        if (!access.ownedBy(learner)) {
          return draft.fail(
              stateDir + " belongs to uid " + access.owner() + ", not to you (uid "
                  + learner.uid() + "); was the course once run as root or with sudo?",
              WHY,
              "It only holds runc's container state; remove it:\n  " + sudo + "rm -rf "
                  + stateDir);
        }
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
        return draft.pass(
            stateDir + " does not exist yet; you can create it in " + parentHost);
      }
      return draft.fail(
          stateDir + " does not exist and you cannot create it: " + parentHost
              + " is not writable for you",
          WHY,
          "Set XDG_RUNTIME_DIR to a directory of yours (log in directly so systemd-logind"
              + " creates /run/user/" + learner.uid() + "), or make " + parentHost
              + " writable for you.");
    } catch (IOException e) {
      return draft.fail("cannot inspect " + stateDir + ": " + e.getMessage(), WHY, "");
    }
  }
}
