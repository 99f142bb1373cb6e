package dev.rootlessctr.check;

import dev.rootlessctr.exec.Expansion;
import dev.rootlessctr.probe.Probe;
import dev.rootlessctr.probe.ProbeContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a check can see: the learner's directory and environment, the built-in values ({@code user},
 * {@code uid}, ...), the probes by name and where they look.
 */
public record CheckContext(
    Path workDir,
    Map<String, String> env,
    Map<String, String> builtIns,
    Map<String, Probe> probes,
    ProbeContext probeContext) {

  public CheckContext {
    env = Map.copyOf(env);
    builtIns = Map.copyOf(builtIns);
    probes = Map.copyOf(probes);
  }

  Optional<Probe> probe(String name) {
    return Optional.ofNullable(probes.get(name));
  }

  /** Resolves a path argument the way the learner's shell would: {@code ~} and {@code $VAR}. */
  Path resolve(String path) {
    return workDir.resolve(Expansion.expand(path, env));
  }
}
