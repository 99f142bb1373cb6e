package dev.rootlessctr.doctor;

import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.lesson.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Looks for the learner's subordinate id ranges; only a warning: the first course does not need
 * them, and the lessons that do declare {@code needs: subids}.
 */
final class SubidCheck implements Check {

  private static final String WHY =
      "The first course maps only your own uid (`runc spec --rootless` writes one mapping of"
          + " size 1), so it needs no subordinate ids. They matter when an image's files belong to"
          + " many users, as with podman or rootless Docker, and for the lessons that map more ids"
          + " (the deeper course's subids and capabilities lessons stop without them).";

  @Override
  public Finding run(HostView host) {
    Finding.Draft draft =
        Finding.about(
            "subids", "Subordinate ids", Requirement.SUBIDS, "/etc/subuid and /etc/subgid");
    HostUser learner = host.user();
    List<String> seen = new ArrayList<>();
    boolean both = true;
    for (String file : List.of("/etc/subuid", "/etc/subgid")) {
      Optional<String> entry = host.read(file).flatMap(text -> entryFor(text, learner));
      both &= entry.isPresent();
      seen.add(
          entry.map(e -> file + ": " + e).orElse("no entry for " + learner.name() + " in " + file));
    }
    if (both) {
      return draft.pass(String.join("; ", seen));
    }
    return draft.warn(String.join("; ", seen), WHY, fix(host, learner));
  }

  // The range must be free in both files: one usermod call adds the same numbers to each.
  private static String fix(HostView host, HostUser learner) {
    SubidRanges taken = new SubidRanges();
    host.read("/etc/subuid").ifPresent(taken::add);
    host.read("/etc/subgid").ifPresent(taken::add);
    OptionalLong free = taken.firstFree();
    if (free.isEmpty()) {
      return "Optional; /etc/subuid and /etc/subgid leave no free range of "
          + SubidRanges.SIZE
          + " ids: ask whoever runs the machine for one.";
    }
    String range = free.getAsLong() + "-" + (free.getAsLong() + SubidRanges.SIZE - 1);
    return "Optional; "
        + range
        + " is not used in /etc/subuid or /etc/subgid yet:\n"
        + "  "
        + SudoAccess.prefix(host)
        + "usermod --add-subuids "
        + range
        + " --add-subgids "
        + range
        + " "
        + learner.name();
  }

  // Lines are NAME:START:COUNT or UID:START:COUNT.
  private static Optional<String> entryFor(String text, HostUser learner) {
    for (String line : text.split("\n")) {
      String[] fields = line.strip().split(":");
      if (fields.length == 3
          && (fields[0].equals(learner.name()) || fields[0].equals(Long.toString(learner.uid())))
          && fields[2].matches("[1-9]\\d*")) {
        return Optional.of(line.strip());
      }
    }
    return Optional.empty();
  }
}
