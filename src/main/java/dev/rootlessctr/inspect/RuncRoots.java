package dev.rootlessctr.inspect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The runc state directories ({@code --root}) where a learner's containers may be: the course's,
 * those the learner passed with {@code --root} in this session, and runc's usual rootless places
 * ({@code /tmp/runc}, the seed's; {@code $XDG_RUNTIME_DIR/runc}, runc's default) when they exist
 * and belong to the learner. A directory of another user is never searched: its containers are not
 * the learner's, and runc would refuse anyway.
 */
public final class RuncRoots {

  private RuncRoots() {}

  /** The roots that exist now, course's first, each once. */
  public static List<Path> find(
      Path course, Collection<Path> learners, Map<String, String> env, long uid) {
    Set<Path> roots = new LinkedHashSet<>();
    roots.add(course.toAbsolutePath().normalize());
    learners.forEach(r -> roots.add(r.toAbsolutePath().normalize()));
    List<Path> usual = new ArrayList<>(List.of(Path.of("/tmp/runc")));
    String runtime = env.get("XDG_RUNTIME_DIR");
    if (runtime != null && runtime.startsWith("/")) {
      usual.add(Path.of(runtime, "runc"));
    }
    usual.stream().filter(p -> ownedBy(p, uid)).forEach(roots::add);
    return roots.stream().filter(Files::isDirectory).toList();
  }

  /**
   * The container names kept under {@code root} (one directory with a state.json each); for
   * completion.
   */
  public static List<String> names(Path root) {
    try (Stream<Path> entries = Files.list(root)) {
      return entries
          .filter(p -> Files.isRegularFile(p.resolve("state.json")))
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException | RuntimeException e) {
      return List.of(); // unreadable: completion simply offers nothing from here
    }
  }

  static boolean ownedBy(Path dir, long uid) {
    try {
      return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
          && ((Number) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue()
              == uid;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
