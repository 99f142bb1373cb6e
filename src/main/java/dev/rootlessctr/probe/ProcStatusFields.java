package dev.rootlessctr.probe;

import dev.rootlessctr.io.LenientText;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Key:\tvalue} lines of a container process's {@code /proc/PID/status}, for the probes
 * that read its capability masks and seccomp mode.
 */
record ProcStatusFields(ContainerProcess process, List<String> lines) {

  static ProcStatusFields read(ContainerProcess process) throws Unmet, IOException {
    Path file = process.procDir().resolve("status");
    try {
      return new ProcStatusFields(process, LenientText.lines(file));
    } catch (NoSuchFileException gone) {
      throw new Unmet(process.label() + " has no " + file + ": has it just exited?");
    }
  }

  /** The value after {@code key} (e.g. {@code "CapEff:"}), if the line is there. */
  Optional<String> field(String key) {
    return lines.stream()
        .filter(line -> line.startsWith(key))
        .map(line -> line.substring(key.length()).strip())
        .findFirst();
  }

  /** The value after {@code key}; unmet when the kernel did not write that line. */
  String required(String key) throws Unmet {
    return field(key)
        .orElseThrow(() -> new Unmet(process.label() + "'s status has no " + key + " line"));
  }

  /**
   * The seccomp mode in words: {@code off}, {@code strict} or {@code filter} (proc(5)); "not shown"
   * on a kernel built without seccomp, which writes no {@code Seccomp:} line.
   */
  String seccompMode() {
    return field("Seccomp:")
        .map(
            number ->
                switch (number) {
                  case "0" -> "off";
                  case "1" -> "strict";
                  case "2" -> "filter";
                  default -> "mode " + number;
                })
        .orElse("not shown");
  }

  /** How many filters are installed; "not shown" before Linux 5.9, which lacks the line. */
  String seccompFilters() {
    return field("Seccomp_filters:").orElse("not shown");
  }
}
