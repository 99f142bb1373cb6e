package dev.rootlessctr.doctor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * The subordinate id ranges that {@code /etc/subuid} and {@code /etc/subgid} already hand out, and
 * the first free one of a given size.
 */
final class SubidRanges {

  /** Where useradd starts handing out ranges (SUB_UID_MIN in login.defs). */
  static final long FIRST = 100_000;

  /** The size useradd gives each user (SUB_UID_COUNT). */
  static final long SIZE = 65_536;

  // Ids are 32-bit and 4294967295 means "no id"; a range must end below it.
  private static final long LIMIT = 4_294_967_295L;

  private record Range(long start, long end) {}

  private final List<Range> taken = new ArrayList<>();

  /** Adds every {@code NAME:START:COUNT} line of a subuid(5) or subgid(5) file's text. */
  SubidRanges add(String text) {
    for (String line : text.split("\n")) {
      String[] fields = line.strip().split(":");
      if (fields.length == 3 && fields[1].matches("\\d{1,10}") && fields[2].matches("\\d{1,10}")) {
        long start = Long.parseLong(fields[1]);
        taken.add(new Range(start, start + Long.parseLong(fields[2])));
      }
    }
    return this;
  }

  /** The start of the first {@link #SIZE} ids at or above {@link #FIRST} that no line uses. */
  OptionalLong firstFree() {
    List<Range> sorted = taken.stream().sorted(Comparator.comparingLong(Range::start)).toList();
    long candidate = FIRST;
    for (Range range : sorted) {
      if (range.end() <= candidate) {
        continue;
      }
      if (range.start() >= candidate + SIZE) {
        break;
      }
      candidate = range.end();
    }
    return candidate + SIZE <= LIMIT ? OptionalLong.of(candidate) : OptionalLong.empty();
  }
}
