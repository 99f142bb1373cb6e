package dev.rootlessctr.tutor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/** The little the tutor asks the host directly while judging a line. */
public interface HostFacts {

  /** The owner's name when {@code dir} exists and belongs to another user than the learner. */
  Optional<String> foreignOwner(Path dir);

  /**
   * The subcommands {@code program} lists in its own {@code --help}, asked only after it reported a
   * subcommand it does not know; none when it cannot tell.
   */
  default java.util.Set<String> subcommands(String program) {
    return java.util.Set.of();
  }

  /** The real file system and tools, judged for the user with {@code uid}. */
  static HostFacts real(long uid) {
    return new RealHostFacts(uid);
  }

  /** The owner check alone, for {@link RealHostFacts}. */
  static Optional<String> foreignOwnerOf(Path dir, long uid) {
    try {
      if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
      int owner = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
      if (owner == uid) {
        return Optional.empty();
      }
      return Optional.of(
          Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName() + " (uid " + owner + ")");
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // cannot tell: say nothing rather than guess
    }
  }
}
