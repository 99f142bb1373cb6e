package dev.rootlessctr.doctor;

import java.util.List;
import java.util.Optional;

/**
 * The parsed {@code doctor} command line.
 *
 * @param json print a JSON document instead of the table
 * @param allowRoot running as root is only a warning
 * @param help print usage and stop
 */
record DoctorOptions(boolean json, boolean allowRoot, boolean help) {

  static final String USAGE = "usage: rootless-ctr doctor [--json] [--allow-root] [--registry MODE] [--lab DIR]";

  /** The options, or the offending argument when one is not understood. */
  static ParseResult parse(List<String> args) {
    boolean json = false;
    boolean allowRoot = false;
    boolean help = false;
    for (String arg : args) {
      switch (arg) {
        case "--json" -> json = true;
        case "--allow-root" -> allowRoot = true;
        case "-h", "--help" -> help = true;
        default -> {
          return new ParseResult(Optional.empty(), Optional.of(arg));
        }
      }
    }
    return new ParseResult(Optional.of(new DoctorOptions(json, allowRoot, help)), Optional.empty());
  }

  /** Either options or the argument that was not understood. */
  record ParseResult(Optional<DoctorOptions> options, Optional<String> unknown) {}
}
