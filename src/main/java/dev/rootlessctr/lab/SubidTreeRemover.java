package dev.rootlessctr.lab;

import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.host.SubidRange;
import dev.rootlessctr.process.Captured;
import dev.rootlessctr.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Removes a tree that holds files owned by the learner's subordinate ids, which the learner cannot
 * delete directly: a container that chowned a folder to uid 1000 left it owned by, say, host uid
 * 100999, and only that uid (or root) may empty it.
 *
 * <p>It does what a container does: {@code unshare} makes a user namespace in which the learner is
 * root and their {@code /etc/subuid} and {@code /etc/subgid} ranges are mapped (through newuidmap
 * and newgidmap, as runc does), and {@code rm -rf} runs there. Root in that namespace has power
 * over those ids only, so nothing that belongs to anyone else can be touched; {@code rm} never
 * follows a symlink, and {@code --one-file-system} keeps it from descending into mounts.
 */
final class SubidTreeRemover {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final ProcessRunner processes;
  private final Map<String, String> env;
  private final Path subuid;
  private final Path subgid;

  SubidTreeRemover(ProcessRunner processes, Map<String, String> env, Path subuid, Path subgid) {
    this.processes = processes;
    this.env = Map.copyOf(env);
    this.subuid = subuid;
    this.subgid = subgid;
  }

  /** Through the system's subordinate id files. */
  static SubidTreeRemover system(ProcessRunner processes, Map<String, String> env) {
    return new SubidTreeRemover(processes, env, SubidRange.SUBUID, SubidRange.SUBGID);
  }

  /**
   * Removes {@code tree} (an absolute path the caller has confined to the lab or the home) as root
   * of a namespace that maps {@code learner}'s subordinate ids; empty when it is gone, else why
   * not.
   */
  Optional<String> remove(Path tree, HostUser learner) {
    Optional<SubidRange> uids = SubidRange.read(subuid, learner.name(), learner.uid());
    Optional<SubidRange> gids = SubidRange.read(subgid, learner.name(), learner.uid());
    if (uids.isEmpty() || gids.isEmpty() || learner.isRoot() || !learner.known()) {
      return Optional.of("you have no subordinate ids that could own what is left there");
    }
    List<String> argv = new ArrayList<>(argv(uids.get(), gids.get()));
    argv.addAll(List.of("rm", "-rf", "--one-file-system", "--", tree.toString()));
    Path dir = tree.getParent() == null ? Path.of("/") : tree.getParent();
    try {
      Captured removed = processes.run(argv, dir, env, TIMEOUT);
      if (!Files.exists(tree, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
      String said = removed.stderr().strip();
      return Optional.of(
          "unshare and rm in a namespace with your subordinate ids did not remove it"
              + (said.isEmpty() ? "" : ": " + said.lines().findFirst().orElse(said)));
    } catch (IOException e) {
      return Optional.of("could not start unshare (package util-linux): " + e.getMessage());
    }
  }

  /**
   * unshare's options (util-linux 2.38): the learner is root inside, their ranges are ids 1 and up,
   * as in the container that made the files.
   */
  static List<String> argv(SubidRange uids, SubidRange gids) {
    return List.of(
        "unshare",
        "--map-root-user",
        "--map-users=" + uids.start() + ",1," + uids.count(),
        "--map-groups=" + gids.start() + ",1," + gids.count());
  }
}
