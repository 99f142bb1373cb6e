package dev.rootlessctr.host;

import dev.rootlessctr.io.LenientText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A user's range of subordinate ids, one {@code NAME:START:COUNT} line of {@code /etc/subuid} or
 * {@code /etc/subgid}: the ids newuidmap and newgidmap let that user map into a user namespace.
 *
 * @param start the first id of the range
 * @param count how many ids follow from it (at least one)
 */
public record SubidRange(long start, long count) {

  /** Where the system keeps the ranges. */
  public static final Path SUBUID = Path.of("/etc/subuid");

  public static final Path SUBGID = Path.of("/etc/subgid");

  // Ids are 32-bit; 4294967295 means "no id".
  private static final long LIMIT = 4_294_967_295L;

  public SubidRange {
    if (start < 0 || count < 1 || start + count > LIMIT) {
      throw new IllegalArgumentException("not a subordinate id range: " + start + ":" + count);
    }
  }

  /** Whether {@code id} is one of the range's ids. */
  public boolean contains(long id) {
    return id >= start && id < start + count;
  }

  /** As the file writes it after the name: {@code 100000:65536}. */
  public String text() {
    return start + ":" + count;
  }

  /**
   * The first range of the user named {@code name} (or written as {@code uid}, which subuid(5) also
   * allows) in the text of a subuid or subgid file; lines that are not three fields of a name and
   * two numbers are skipped, as newuidmap skips them.
   */
  public static Optional<SubidRange> first(String text, String name, long uid) {
    for (String line : text.split("\n")) {
      String[] fields = line.strip().split(":");
      if (fields.length == 3
          && (fields[0].equals(name) || fields[0].equals(Long.toString(uid)))
          && fields[1].matches("\\d{1,10}")
          && fields[2].matches("[1-9]\\d{0,9}")) {
        long start = Long.parseLong(fields[1]);
        long count = Long.parseLong(fields[2]);
        if (start + count <= LIMIT) {
          return Optional.of(new SubidRange(start, count));
        }
      }
    }
    return Optional.empty();
  }

  /** The user's first range in {@code file}; empty when the file is missing or unreadable. */
  public static Optional<SubidRange> read(Path file, String name, long uid) {
    try {
      return first(LenientText.read(file), name, uid);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
