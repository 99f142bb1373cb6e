package dev.rootlessctr.process;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Starts a program from an argument list and collects what it printed. Never goes through a shell.
 */
public interface ProcessRunner {

  /**
   * Runs {@code argv} in {@code dir} with {@code env} (the whole environment, not additions),
   * waiting at most {@code timeout}; a program still running then is killed and reported as such.
   */
  Captured run(List<String> argv, Path dir, Map<String, String> env, Duration timeout)
      throws IOException;

  /** The real implementation. */
  static ProcessRunner system() {
    return new SystemProcessRunner();
  }
}
