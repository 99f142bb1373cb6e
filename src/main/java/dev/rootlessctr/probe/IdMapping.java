package dev.rootlessctr.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One line of {@code /proc/PID/uid_map} or {@code gid_map}: ids inside, ids outside, count. */
record IdMapping(long containerId, long hostId, long size) {

  // The initial user namespace maps every id to itself: "0 0 4294967295".
  private static final long ALL_IDS = 4294967295L;

  /** Reads a map file; unmet when it is missing or has no mapping. */
  static List<IdMapping> read(Path file, String owner) throws Unmet, IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException gone) {
      throw new Unmet(owner + " has no " + file.getFileName() + ": has it just exited?");
    }
    List<IdMapping> mappings = new ArrayList<>();
    for (String line : text.lines().toList()) {
      String[] fields = line.trim().split("\\s+");
      // A line that is not three numbers is not the kernel's: skip it rather than fail.
      if (fields.length == 3
          && fields[0].matches("\\d{1,10}")
          && fields[1].matches("\\d{1,10}")
          && fields[2].matches("\\d{1,10}")) {
        mappings.add(
            new IdMapping(
                Long.parseLong(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2])));
      }
    }
    if (mappings.isEmpty()) {
      throw new Unmet(owner + "'s " + file.getFileName() + " is empty: no ids are mapped yet");
    }
    return mappings;
  }

  /** The id inside that host id {@code hostId} shows as; only for a line that maps it. */
  long inside(long hostId) {
    return containerId + (hostId - this.hostId);
  }

  boolean isHostIdentity() {
    return containerId == 0 && hostId == 0 && size == ALL_IDS;
  }

  /** All lines, as the kernel prints them, separated by commas: "0 1001 1, 1 100000 65536". */
  static String lines(List<IdMapping> mappings) {
    return String.join(", ", mappings.stream().map(IdMapping::line).toList());
  }

  /** How many ids the lines map in all. */
  static long total(List<IdMapping> mappings) {
    return mappings.stream().mapToLong(IdMapping::size).sum();
  }

  /** The line that maps host id {@code hostId}, if any. */
  static java.util.Optional<IdMapping> mapping(List<IdMapping> mappings, long hostId) {
    return mappings.stream()
        .filter(m -> hostId >= m.hostId() && hostId - m.hostId() < m.size())
        .findFirst();
  }

  /** The line as the kernel prints it, without the padding: "0 1001 1". */
  String line() {
    return containerId + " " + hostId + " " + size;
  }
}
