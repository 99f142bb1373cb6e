package dev.rootlessctr.probe;

import java.util.List;

/** Checks the number of words a lesson passed to a probe; a wrong count is a lesson bug. */
final class ProbeArgs {

  private ProbeArgs() {}

  static void require(Probe probe, List<String> args, int min, int max) {
    if (args.size() < min || args.size() > max) {
      throw new IllegalArgumentException(
          "probe "
              + probe.name()
              + " got "
              + args.size()
              + " word(s) "
              + args
              + "; usage: "
              + probe.usage());
    }
  }
}
