package dev.rootlessctr.doctor;

import dev.rootlessctr.lesson.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Looks for the learner's subordinate id ranges; only a warning, the course does not need them. */
final class SubidCheck implements Check {

  private static final String WHY =
      "The course maps only your own uid (`runc spec --rootless` writes one mapping of size 1),"
          + " so it needs no subordinate ids. They matter when an image's files belong to many"
          + " users, as with podman or rootless Docker.";

  @Override
  public Finding run(HostView host) {
    Finding.Draft draft =
        Finding.about(
            "subids", "Subordinate ids", Requirement.SUBIDS, "/etc/subuid and /etc/subgid");
    Learner learner = Learner.of(host);
    List<String> seen = new ArrayList<>();
    boolean both = true;
    for (String file : List.of("/etc/subuid", "/etc/subgid")) {
      Optional<String> entry = host.read(file).flatMap(text -> entryFor(text, learner));
      both &= entry.isPresent();
      seen.add(entry.map(e -> file + ": " + e).orElse("no entry for " + learner.name() + " in " + file));
    }
    if (both) {
      return draft.pass(String.join("; ", seen));
    }
    String sudo = learner.isRoot() ? "" : "sudo ";
    return draft.warn(
        String.join("; ", seen),
        WHY,
        "Optional; give yourself a range no other user has, e.g.:\n"
            + "  " + sudo + "usermod --add-subuids 100000-165535 --add-subgids 100000-165535 "
            + learner.name());
  }

  // Lines are NAME:START:COUNT or UID:START:COUNT.
  private static Optional<String> entryFor(String text, Learner learner) {
    for (String line : text.split("\n")) {
      String[] fields = line.strip().split(":");
      if (fields.length == 3
          && (fields[0].equals(learner.name()) || fields[0].equals(Integer.toString(learner.uid())))
          && fields[2].matches("[1-9]\\d*")) {
        return Optional.of(line.strip());
      }
    }
    return Optional.empty();
  }
}
