package dev.rootlessctr.doctor;

import dev.rootlessctr.lesson.Requirement;
import java.util.Optional;

/** Asks whether the course's offline image mirror answers. */
final class MirrorCheck implements Check {

  private static final String WHY =
      "Lessons pull the busybox image from the course's offline mirror; there is no internet"
          + " registry to fall back to (docker.io is unreachable).";

  private static final String WHY_ONLINE =
      "In online mode skopeo pulls docker://busybox from Docker Hub itself; if the doctor cannot"
          + " reach it, neither can skopeo, and lesson 1's pull fails.";

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
    if (mirror.online()) {
      return online();
    }
    Finding.Draft draft =
        Finding.about(
            "mirror",
            "Image mirror",
            Requirement.MIRROR,
            "a registry request to " + mirror.address());
    if (mirror.answers()) {
      return draft.pass("answers at " + mirror.address());
    }
    return draft.fail(
        "no answer at " + mirror.address(),
        WHY,
        "Restart the tutorial shell so it starts the mirror again, and make sure no other"
            + " program listens on "
            + mirror.address()
            + " (`ss -ltnp`).");
  }

  private Finding online() {
    Finding.Draft draft =
        Finding.about(
            "mirror",
            "Image registry",
            Requirement.MIRROR,
            "one HTTPS request to " + mirror.address() + ", as skopeo would make it");
    Optional<String> problem = mirror.problem();
    if (problem.isEmpty()) {
      return draft.pass("online mode: " + mirror.address() + " answers");
    }
    return draft.fail(
        "Docker Hub could not be reached ("
            + problem.get()
            + "); online mode will not work"
            + " here; use offline",
        WHY_ONLINE,
        "Start rootless-ctr with --registry offline: its built-in mirror serves busybox from this"
            + " machine. If ~/.config/rootless-ctr/settings.json says \"registry\": \"online\","
            + " change it to \"offline\".");
  }
}
