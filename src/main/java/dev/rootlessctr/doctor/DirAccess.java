package dev.rootlessctr.doctor;

import dev.rootlessctr.host.HostUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Owner and permission bits of a directory, judged for the learner.
 *
 * <p>The doctor may run as a different user than the learner it judges (tests run as whoever
 * builds), so this reads the bits instead of asking the kernel with {@code access(2)}.
 *
 * @param owner the owning uid
 * @param group the owning gid
 * @param mode the permission bits, e.g. {@code 0700}
 */
record DirAccess(int owner, int group, int mode) {

  static DirAccess of(Path dir) throws IOException {
    return new DirAccess(
        (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS),
        (Integer) Files.getAttribute(dir, "unix:gid", LinkOption.NOFOLLOW_LINKS),
        (Integer) Files.getAttribute(dir, "unix:mode") & 07777);
  }

  /** Whether the learner may create entries in the directory (write and search permission). */
  boolean writableBy(HostUser learner) {
    if (learner.isRoot()) {
      return true;
    }
    int bits;
    if (owner == learner.uid()) {
      bits = (mode >> 6) & 7;
    } else if (learner.groups().contains((long) group)) {
      bits = (mode >> 3) & 7;
    } else {
      bits = mode & 7;
    }
    return (bits & 3) == 3;
  }

  boolean ownedBy(HostUser learner) {
    return owner == learner.uid();
  }

  String modeText() {
    return String.format("%04o", mode);
  }

  /** The nearest existing directory at or above {@code path}. */
  static Path nearestExisting(Path path) {
    Path current = path.toAbsolutePath().normalize();
    while (current != null && !Files.isDirectory(current)) {
      current = current.getParent();
    }
    return current;
  }
}
