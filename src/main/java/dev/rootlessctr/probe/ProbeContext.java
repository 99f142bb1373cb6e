package dev.rootlessctr.probe;

import dev.rootlessctr.process.ProcessRunner;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a probe looks.
 *
 * @param workDir the learner's current directory; relative probe arguments resolve against it
 * @param env the learner's shell environment (PATH decides which runc is asked)
 * @param runcRoot the runc state directory the course uses ({@code --root})
 * @param procRoot normally {@code /proc}; tests point it elsewhere
 * @param processes how probes start tools such as {@code runc state}
 */
public record ProbeContext(
    Path workDir, Map<String, String> env, Path runcRoot, Path procRoot, ProcessRunner processes) {

  /** A path the learner wrote, resolved against their current directory. */
  public Path resolve(String word) {
    return workDir.resolve(word).normalize();
  }
}
