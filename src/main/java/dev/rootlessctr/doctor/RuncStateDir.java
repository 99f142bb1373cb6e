package dev.rootlessctr.doctor;

import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.lab.RuncRoot;
import dev.rootlessctr.settings.XdgDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The runc state directory ({@code runc --root}) the course uses for a learner.
 *
 * <p>{@code $XDG_RUNTIME_DIR/rootless-ctr/runc} when that runtime directory is set and usable
 * (absolute, a directory owned by the learner, writable), else {@code /tmp/rootless-ctr-runc-UID}
 * unless another user holds that name (then the course's XDG state directory): the same choice as
 * {@link RuncRoot}, which the shell makes.
 */
public final class RuncStateDir {

  private RuncStateDir() {}

  /** The state directory for the user the host view runs as. */
  public static Path forHost(HostView host) {
    return plan(host).dir();
  }

  /** The choice with its reason: why the usual /tmp directory is not used, if it is not. */
  static RuncRoot plan(HostView host) {
    HostUser learner = host.user();
    return RuncRoot.plan(
        host.env(), learner.uid(), XdgDirs.from(host.env()).state(), host::resolve);
  }

  /** XDG_RUNTIME_DIR as a host path, when it is set and usable by the learner. */
  static Optional<String> usableRuntimeDir(HostView host, HostUser learner) {
    String value = host.env().get("XDG_RUNTIME_DIR");
    if (value == null || !value.startsWith("/")) {
      return Optional.empty();
    }
    Path dir = host.resolve(value);
    try {
      if (Files.isDirectory(dir)) {
        DirAccess access = DirAccess.of(dir);
        if (access.ownedBy(learner) && access.writableBy(learner)) {
          return Optional.of(value);
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
