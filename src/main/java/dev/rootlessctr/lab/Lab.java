package dev.rootlessctr.lab;

import dev.rootlessctr.host.HostUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a course's commands run and keep state.
 *
 * @param dir the lab directory; everything the course makes on disk lives here unless a lesson
 *     declares otherwise
 * @param runcRoot the runc state directory passed to every runc call ({@code --root})
 */
public record Lab(Path dir, Path runcRoot) {

  /** The course's runc state directory: under XDG_RUNTIME_DIR when usable, else under /tmp. */
  public static Path runcRoot(Map<String, String> env, HostUser user) {
    String runtime = env.get("XDG_RUNTIME_DIR");
    if (runtime != null && runtime.startsWith("/") && Files.isDirectory(Path.of(runtime)) && Files.isWritable(Path.of(runtime))) {
      return Path.of(runtime, "rootless-ctr", "runc");
    }
    return Path.of("/tmp", "rootless-ctr-runc-" + user.uid());
  }

  /** The default lab directory in the learner's home. */
  public static Path defaultDir(HostUser user) {
    return user.home().resolve("rootless-ctr-lab");
  }
}
