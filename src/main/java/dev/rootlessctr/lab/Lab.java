package dev.rootlessctr.lab;

import dev.rootlessctr.host.HostUser;
import java.nio.file.Path;

/**
 * Where a course's commands run and keep state.
 *
 * @param dir the lab directory; everything the course makes on disk lives here unless a lesson
 *     declares otherwise
 * @param runcRoot the runc state directory passed to every runc call ({@code --root}), chosen by
 *     {@link RuncRoot}
 */
public record Lab(Path dir, Path runcRoot) {

  /** The default lab directory in the learner's home. */
  public static Path defaultDir(HostUser user) {
    return user.home().resolve("rootless-ctr-lab");
  }
}
