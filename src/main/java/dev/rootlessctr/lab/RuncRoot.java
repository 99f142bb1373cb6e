package dev.rootlessctr.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The runc state directory ({@code runc --root}) the course uses, chosen so that it is private to
 * the learner: {@code $XDG_RUNTIME_DIR/rootless-ctr/runc} when that runtime directory is the
 * learner's, else {@code /tmp/rootless-ctr-runc-UID}. When another user got to that name in /tmp
 * first (or it is a symlink), it is never used: the course falls back to {@code runc} in its XDG
 * state directory, and as a last resort to a fresh mkdtemp-style directory in /tmp.
 *
 * @param dir the directory every runc call of the course gets as {@code --root}
 * @param rejected why the usual /tmp directory was not used, when it was not
 */
public record RuncRoot(Path dir, Optional<String> rejected) {

  /** The usual directory when XDG_RUNTIME_DIR is not usable. */
  public static Path sharedTmp(Path tmp, long uid) {
    return tmp.resolve("rootless-ctr-runc-" + uid);
  }

  /** Chooses and creates the state directory on this host, each directory verified private. */
  public static RuncRoot choose(Map<String, String> env, long uid, Path stateDir, Path tmp) {
    Optional<Path> runtime = usableRuntimeDir(env, uid, Path::of);
    if (runtime.isPresent()) {
      try {
        Path base = PrivateDir.create(runtime.get().resolve("rootless-ctr"), uid);
        return new RuncRoot(PrivateDir.create(base.resolve("runc"), uid), Optional.empty());
      } catch (IOException e) {
        // not usable after all: the /tmp directory below
      }
    }
    Path shared = sharedTmp(tmp, uid);
    String rejected;
    try {
      return new RuncRoot(PrivateDir.create(shared, uid), Optional.empty());
    } catch (IOException e) {
      rejected = e.getMessage();
    }
    try {
      Files.createDirectories(stateDir);
      return new RuncRoot(PrivateDir.create(stateDir.resolve("runc"), uid), Optional.of(rejected));
    } catch (IOException e) {
      try {
        Path fresh =
            Files.createTempDirectory(
                tmp,
                "rootless-ctr-runc-" + uid + "-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        return new RuncRoot(PrivateDir.create(fresh, uid), Optional.of(rejected));
      } catch (IOException last) {
        // Nothing private could be made: the shell stops before using it (see Lab checks).
        return new RuncRoot(
            stateDir.resolve("runc"), Optional.of(rejected + "; and " + last.getMessage()));
      }
    }
  }

  /**
   * What {@link #choose} would pick, without creating anything: for the doctor, which may look at a
   * fake host tree ({@code resolve} maps a host path to where it lives).
   */
  public static RuncRoot plan(
      Map<String, String> env, long uid, Path stateDir, Function<String, Path> resolve) {
    Optional<Path> runtime = usableRuntimeDir(env, uid, resolve);
    if (runtime.isPresent()) {
      return new RuncRoot(runtime.get().resolve("rootless-ctr").resolve("runc"), Optional.empty());
    }
    Path shared = sharedTmp(Path.of("/tmp"), uid);
    Optional<String> problem = PrivateDir.inspect(resolve.apply(shared.toString())).problemFor(uid);
    if (problem.isEmpty()) {
      return new RuncRoot(shared, Optional.empty());
    }
    // The inspection names the resolved path; the learner knows the host path.
    String text =
        problem.get().replace(resolve.apply(shared.toString()).toString(), shared.toString());
    return new RuncRoot(stateDir.resolve("runc"), Optional.of(text));
  }

  /** XDG_RUNTIME_DIR (a host path) when it is absolute, a directory of {@code uid}, writable. */
  static Optional<Path> usableRuntimeDir(
      Map<String, String> env, long uid, Function<String, Path> resolve) {
    String value = env.get("XDG_RUNTIME_DIR");
    if (value == null || !value.startsWith("/")) {
      return Optional.empty();
    }
    PrivateDir.Inspection found = PrivateDir.inspect(resolve.apply(value));
    boolean usable =
        found.exists()
            && !found.symlink()
            && found.directory()
            && found.owner() == uid
            && (found.mode() & 0300) == 0300;
    return usable ? Optional.of(Path.of(value)) : Optional.empty();
  }

  /** Whether {@code dir} is still a private directory of {@code uid} (it may have been removed). */
  public static boolean stillPrivate(Path dir, long uid) {
    return !Files.exists(dir, LinkOption.NOFOLLOW_LINKS) || PrivateDir.inspect(dir).privateTo(uid);
  }
}
