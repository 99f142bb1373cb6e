package dev.rootlessctr.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootlessctr.process.Captured;
import dev.rootlessctr.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code runc spec --rootless} writes on this machine, asked once per session: the learner's
 * runc is run in a private temporary directory (its only effect, config.json, goes with it). The
 * answer is either the spec or why there is none.
 */
public final class DefaultSpec {

  /** The spec, or why it could not be had. */
  record Answer(Optional<JsonNode> spec, String whyNot) {}

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ProcessRunner processes;
  private final Map<String, String> env;
  private Answer cached;

  public DefaultSpec(ProcessRunner processes, Map<String, String> env) {
    this.processes = processes;
    this.env = Map.copyOf(env);
  }

  synchronized Answer get() {
    if (cached == null) {
      cached = ask();
    }
    return cached;
  }

  private Answer ask() {
    Path dir = null;
    try {
      dir =
          Files.createTempDirectory(
              "rootless-ctr-spec-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      // env finds runc on the session's PATH (/usr/sbin on Debian), from an argument list.
      Captured c =
          processes.run(List.of("/usr/bin/env", "runc", "spec", "--rootless"), dir, env, TIMEOUT);
      if (!c.succeeded()) {
        String said = (c.stderr() + c.stdout()).strip();
        return new Answer(
            Optional.empty(),
            "runc spec --rootless failed"
                + (c.timedOut() ? " (timed out)" : " with exit status " + c.exitCode())
                + (said.isEmpty() ? "" : ": " + said.lines().findFirst().orElse("")));
      }
      return new Answer(
          Optional.of(new ObjectMapper().readTree(dir.resolve("config.json").toFile())), "");
    } catch (IOException | RuntimeException e) {
      return new Answer(Optional.empty(), "could not run runc spec --rootless: " + e.getMessage());
    } finally {
      if (dir != null) {
        try {
          Files.deleteIfExists(dir.resolve("config.json"));
          Files.deleteIfExists(dir);
        } catch (IOException e) {
          // a private, empty-or-one-file temp directory left behind is harmless
        }
      }
    }
  }
}
