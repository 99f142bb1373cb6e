package dev.rootlessctr.doctor;

import dev.rootlessctr.lesson.Requirement;

/** Asks whether the course's offline image mirror answers. */
final class MirrorCheck implements Check {

  private static final String WHY =
      "Lessons pull the busybox image from the course's offline mirror; there is no internet"
          + " registry to fall back to (docker.io is unreachable).";

  private final MirrorStatus mirror;

  /** A check of {@code mirror}; {@code null} means the caller did not say where the mirror is. */
  MirrorCheck(MirrorStatus mirror) {
    this.mirror = mirror;
  }

  @Override
  public Finding run(HostView host) {
    if (mirror == null) {
      return Finding.about(
              "mirror", "Image mirror", Requirement.MIRROR, "nothing: no mirror address was given")
          .warn(
              "not checked: this run was not told where the mirror is",
              WHY,
              "The tutorial shell checks the mirror itself when a lesson needs it.");
    }
    if (mirror.notUsed().isPresent()) {
      return Finding.about("mirror", "Image mirror", Requirement.MIRROR, "the registry mode")
          .pass("not used: " + mirror.notUsed().get());
    }
    Finding.Draft draft =
        Finding.about(
            "mirror", "Image mirror", Requirement.MIRROR,
            "a registry request to " + mirror.address());
    if (mirror.answers()) {
      return draft.pass("answers at " + mirror.address());
    }
    return draft.fail(
        "no answer at " + mirror.address(),
        WHY,
        "Restart the tutorial shell so it starts the mirror again, and make sure no other"
            + " program listens on " + mirror.address() + " (`ss -ltnp`).");
  }
}
