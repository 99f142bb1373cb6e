package dev.rootlessctr.lab;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * A directory that only its owner can use: created by this user with mode 0700, and checked (owner,
 * mode, not a symlink, without following links) before use. In a shared /tmp another user can
 * create a directory of the name we want first; it must then never be used.
 */
public final class PrivateDir {

  private static final int PRIVATE = 0700;

  private PrivateDir() {}

  /**
   * What is at {@code path}, read without following a symlink.
   *
   * @param owner the owning uid, or -1 when nothing is there
   * @param mode the permission bits
   */
  public record Inspection(
      Path path,
      boolean exists,
      boolean symlink,
      boolean directory,
      long owner,
      String ownerName,
      int mode) {

    /** Why this is not a private directory of {@code uid}; empty when it is one (or absent). */
    public Optional<String> problemFor(long uid) {
      if (!exists) {
        return Optional.empty();
      }
      String who = "user " + ownerName + " (uid " + owner + ")";
      if (symlink) {
        return Optional.of(
            path
                + " is a symbolic link"
                + (owner == uid ? "" : " owned by " + who)
                + ", not a directory: a link can point anywhere");
      }
      if (!directory) {
        return Optional.of(path + " is a file, not a directory");
      }
      if (owner != uid) {
        return Optional.of(
            path + " belongs to " + who + ", mode " + modeText() + ": another user created it");
      }
      return Optional.empty();
    }

    /** Whether this is a directory of {@code uid} that nobody else may enter. */
    public boolean privateTo(long uid) {
      return exists && !symlink && directory && owner == uid && mode == PRIVATE;
    }

    public String modeText() {
      return String.format("%04o", mode);
    }
  }

  /** Looks at {@code path} without following a symlink. */
  public static Inspection inspect(Path path) {
    try {
      boolean link = Files.isSymbolicLink(path);
      long owner =
          ((Number) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
      int mode =
          ((Number) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS)).intValue()
              & 07777;
      String name = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName();
      return new Inspection(
          path, true, link, Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS), owner, name, mode);
    } catch (IOException | UnsupportedOperationException e) {
      // Gone, unreadable, or on a file system without a "unix" view: nothing private to trust.
      return new Inspection(
          path, Files.exists(path, LinkOption.NOFOLLOW_LINKS), false, false, -1, "?", 0);
    }
  }

  /**
   * Makes {@code dir} a private directory of {@code uid}: creates it with mode 0700 (its parent
   * must exist), or accepts an existing directory of {@code uid} and narrows it to 0700. Throws
   * {@link NotPrivate} when what is there belongs to someone else, is a symlink or a file.
   */
  public static Path create(Path dir, long uid) throws IOException {
    try {
      Files.createDirectory(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (FileAlreadyExistsException exists) {
      // judged below, like a directory found there
    }
    Inspection found = inspect(dir);
    Optional<String> problem = found.problemFor(uid);
    if (problem.isPresent()) {
      throw new NotPrivate(dir, problem.get());
    }
    if (found.mode() != PRIVATE) {
      // Ours (checked without following links, and in a sticky /tmp nobody else can swap it).
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
    if (!inspect(dir).privateTo(uid)) {
      throw new NotPrivate(
          dir, dir + " could not be made private (mode " + inspect(dir).modeText() + ")");
    }
    return dir;
  }

  /** Creates the missing directories down to {@code dir}, each one private to {@code uid}. */
  public static Path createAll(Path dir, long uid) throws IOException {
    Path parent = dir.getParent();
    if (parent != null && !Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
      createAll(parent, uid);
    }
    return create(dir, uid);
  }

  /** A directory that exists but must not be used: the message says why, in plain words. */
  public static final class NotPrivate extends IOException {
    private final Path dir;

    NotPrivate(Path dir, String why) {
      super(why);
      this.dir = dir;
    }

    public Path dir() {
      return dir;
    }
  }
}
