package dev.rootlessctr.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.host.SubidRange;
import dev.rootlessctr.process.Captured;
import dev.rootlessctr.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a container chowned to a subordinate uid, removed through a user namespace that maps the
 * learner's ranges: for real as the test user when the tests run as root, and argv and refusals
 * with a fake runner.
 */
class SubidTreeRemoverTest {

  static final String USER = System.getenv().getOrDefault("RCTR_TEST_USER", "rctr-learner");
  static final Map<String, String> ENV = Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");

  @TempDir Path temp;

  @Test
  void unshareMapsTheLearnerToRootAndTheRangesFromOne() {
    assertEquals(
        List.of(
            "unshare",
            "--map-root-user",
            "--map-users=100000,1,65536",
            "--map-groups=200000,1,1000"),
        SubidTreeRemover.argv(new SubidRange(100000, 65536), new SubidRange(200000, 1000)));
  }

  @Test
  void withoutARangeNothingIsStarted() throws IOException {
    Path subuid = Files.writeString(temp.resolve("subuid"), "other:100000:65536\n");
    ProcessRunner none =
        (argv, dir, env, timeout) -> {
          throw new AssertionError("started " + argv);
        };
    SubidTreeRemover remover = new SubidTreeRemover(none, ENV, subuid, subuid);

    Optional<String> why = remover.remove(temp.resolve("x"), learner(1001));

    assertEquals(Optional.of("you have no subordinate ids that could own what is left there"), why);
  }

  @Test
  void aTreeThatIsStillThereAfterwardsIsReportedWithRmsWords() throws IOException {
    Path ids = Files.writeString(temp.resolve("subid"), "learner:100000:65536\n");
    Path tree = Files.createDirectories(temp.resolve("lab/deep-share/d"));
    List<List<String>> started = new ArrayList<>();
    ProcessRunner failing =
        (argv, dir, env, timeout) -> {
          started.add(argv);
          return new Captured(argv, 1, "", "rm: cannot remove 'd/x': Permission denied\n", false);
        };

    Optional<String> why = new SubidTreeRemover(failing, ENV, ids, ids).remove(tree, learner(1001));

    assertEquals(
        List.of("rm", "-rf", "--one-file-system", "--", tree.toString()),
        started.get(0).subList(4, 9));
    assertTrue(why.isPresent());
    assertTrue(why.get().endsWith(": rm: cannot remove 'd/x': Permission denied"), why.get());
  }

  @Test
  void removesWhatASubordinateUidOwnsAndNothingOutside() throws IOException {
    assumeTrue(isRoot(), "needs root to make files owned by a subordinate uid");
    long uid = id("-u");
    long gid = id("-g");
    Optional<SubidRange> range = SubidRange.read(SubidRange.SUBUID, USER, uid);
    assumeTrue(range.isPresent(), USER + " has no range in /etc/subuid");
    long subordinate = range.get().start() + 999; // what chown 1000 inside gives

    // A lab as lesson 3 leaves it after `chown -R 1000:1000 /share` inside the container.
    Path base = Files.createDirectories(temp.resolve("base"));
    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
    own(base, uid, gid);
    Path share = Files.createDirectories(base.resolve("deep-share"));
    Path deep = Files.createDirectories(share.resolve("d/e"));
    Files.writeString(deep.resolve("f"), "inside");
    // Something of the learner's range outside the tree, reached by a symlink from inside it.
    Path precious = Files.createDirectories(base.resolve("precious"));
    Files.writeString(precious.resolve("keep"), "keep");
    Files.createSymbolicLink(share.resolve("d/link"), precious);
    for (Path p :
        List.of(
            deep.resolve("f"),
            deep,
            share.resolve("d"),
            share,
            precious,
            precious.resolve("keep"))) {
      own(p, subordinate, subordinate);
    }
    own(share.resolve("d/link"), subordinate, subordinate);
    ProcessRunner asLearner = asUser();
    Captured direct =
        asLearner.run(
            List.of("rm", "-rf", "--", share.toString()), base, ENV, Duration.ofSeconds(10));
    assumeTrue(Files.exists(share), "the learner could remove it alone: " + direct);

    Optional<String> why =
        SubidTreeRemover.system(asLearner, ENV)
            .remove(share, new HostUser(USER, uid, gid, Set.of(gid), base));

    assertEquals(Optional.empty(), why);
    assertFalse(Files.exists(share, LinkOption.NOFOLLOW_LINKS));
    assertEquals("keep", Files.readString(precious.resolve("keep")));
  }

  private static HostUser learner(long uid) {
    return new HostUser("learner", uid, uid, Set.of(uid), Path.of("/home/learner"));
  }

  private static void own(Path path, long uid, long gid) throws IOException {
    Files.setAttribute(path, "unix:uid", (int) uid, LinkOption.NOFOLLOW_LINKS);
    Files.setAttribute(path, "unix:gid", (int) gid, LinkOption.NOFOLLOW_LINKS);
  }

  private static boolean isRoot() throws IOException {
    return HostUser.current(ENV).isRoot() && Files.isExecutable(Path.of("/usr/sbin/runuser"));
  }

  private static long id(String flag) throws IOException {
    Captured id =
        ProcessRunner.system()
            .run(List.of("id", flag, USER), Path.of("/"), ENV, Duration.ofSeconds(5));
    assumeTrue(id.succeeded(), "there is no user " + USER);
    return Long.parseLong(id.stdout().strip());
  }

  private static ProcessRunner asUser() {
    return (argv, dir, env, timeout) -> {
      List<String> wrapped = new ArrayList<>(List.of("/usr/sbin/runuser", "-u", USER, "--"));
      wrapped.addAll(argv);
      return ProcessRunner.system().run(wrapped, dir, env, timeout);
    };
  }
}
