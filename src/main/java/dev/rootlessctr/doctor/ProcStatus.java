package dev.rootlessctr.doctor;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Reads the fields of {@code /proc/self/status} that the doctor needs. */
final class ProcStatus {

  private ProcStatus() {}

  /** The effective uid: the second number on the {@code Uid:} line (real, effective, saved, fs). */
  static Optional<Integer> effectiveUid(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("Uid:")) {
        String[] ids = line.substring(4).trim().split("\\s+");
        if (ids.length >= 2 && ids[1].matches("\\d+")) {
          return Optional.of(Integer.parseInt(ids[1]));
        }
      }
    }
    return Optional.empty();
  }

  /** The effective gid and the supplementary groups ({@code Gid:} and {@code Groups:} lines). */
  static Set<Integer> groups(String status) {
    Set<Integer> groups = new LinkedHashSet<>();
    for (String line : status.split("\n")) {
      if (line.startsWith("Gid:")) {
        String[] ids = line.substring(4).trim().split("\\s+");
        if (ids.length >= 2 && ids[1].matches("\\d+")) {
          groups.add(Integer.parseInt(ids[1]));
        }
      } else if (line.startsWith("Groups:")) {
        for (String id : line.substring(7).trim().split("\\s+")) {
          if (id.matches("\\d+")) {
            groups.add(Integer.parseInt(id));
          }
        }
      }
    }
    return groups;
  }
}
