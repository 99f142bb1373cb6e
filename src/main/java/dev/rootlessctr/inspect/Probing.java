package dev.rootlessctr.inspect;

import dev.rootlessctr.probe.Probe;
import dev.rootlessctr.probe.ProbeContext;
import dev.rootlessctr.probe.ProbeResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Calls the lessons' probes by name. A probe that cannot read (an I/O error, a container gone
 * mid-read) becomes a failed result whose "actual" says why, so an inspection never ends in an
 * exception.
 */
final class Probing {

  private final Map<String, Probe> probes;

  Probing(Map<String, Probe> probes) {
    this.probes = Map.copyOf(probes);
  }

  ProbeResult run(ProbeContext context, String name, String... args) {
    Probe probe = probes.get(name);
    if (probe == null) {
      return ProbeResult.fail(name, "this build has no " + name + " probe");
    }
    try {
      return probe.run(context, List.of(args));
    } catch (IOException e) {
      return ProbeResult.fail(name, "could not read: " + e.getMessage());
    } catch (RuntimeException e) {
      return ProbeResult.fail(
          name, "could not read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    }
  }

  /** {@code context} looking in another runc state directory. */
  static ProbeContext under(ProbeContext context, Path root) {
    return new ProbeContext(
        context.workDir(), context.env(), root, context.procRoot(), context.processes());
  }
}
