package dev.rootlessctr.host;

import dev.rootlessctr.io.LenientText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The ids in a {@code /proc/PID/status} file.
 *
 * @param realUid the first number on the {@code Uid:} line (real, effective, saved, fs)
 * @param effectiveUid the second: the one the kernel checks permissions with
 * @param realGid the first number on the {@code Gid:} line
 * @param effectiveGid the second
 * @param groups the effective gid and the supplementary groups ({@code Groups:})
 */
public record ProcStatus(
    long realUid, long effectiveUid, long realGid, long effectiveGid, Set<Long> groups) {

  public ProcStatus {
    groups = Set.copyOf(groups);
  }

  /** Reads {@code file}, e.g. {@code /proc/self/status}; fails when it has no Uid: or Gid:. */
  public static ProcStatus read(Path file) throws IOException {
    return parse(LenientText.read(file))
        .orElseThrow(() -> new IOException(file + " has no Uid: or Gid: line"));
  }

  /** The ids in a status file's text; empty when the Uid: or Gid: line is missing. */
  public static Optional<ProcStatus> parse(String text) {
    long[] uids = null;
    long[] gids = null;
    Set<Long> groups = new LinkedHashSet<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("Uid:")) {
        uids = numbers(line.substring(4));
      } else if (line.startsWith("Gid:")) {
        gids = numbers(line.substring(4));
      } else if (line.startsWith("Groups:")) {
        for (long id : numbers(line.substring(7))) {
          groups.add(id);
        }
      }
    }
    if (uids == null || uids.length < 2 || gids == null || gids.length < 2) {
      return Optional.empty();
    }
    Set<Long> all = new LinkedHashSet<>();
    all.add(gids[1]);
    all.addAll(groups);
    return Optional.of(new ProcStatus(uids[0], uids[1], gids[0], gids[1], all));
  }

  // "\t1001\t1001\t1001\t1001": anything that is not a number ends the list.
  private static long[] numbers(String fields) {
    String trimmed = fields.strip();
    if (trimmed.isEmpty()) {
      return new long[0];
    }
    String[] words = trimmed.split("\\s+");
    long[] numbers = new long[words.length];
    for (int i = 0; i < words.length; i++) {
      if (!words[i].matches("\\d{1,18}")) {
        return java.util.Arrays.copyOf(numbers, i);
      }
      numbers[i] = Long.parseLong(words[i]);
    }
    return numbers;
  }
}
