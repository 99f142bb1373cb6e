package dev.rootlessctr.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rootlessctr.host.HostUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scratch directories of killed shells are collected at the next start: only our own. */
class ScratchDirsTest {

  @TempDir Path tmp;

  private final long uid = HostUser.current().uid();

  /** The name a shell with {@code pid} started at {@code started} gives its scratch directory. */
  private Path leftBy(long pid, Instant started, String rest) throws Exception {
    Path dir =
        Files.createDirectory(
            tmp.resolve("rootless-ctr-scratch-" + pid + "-" + started.toEpochMilli() + "-" + rest));
    Files.writeString(dir.resolve("typescript"), "what the killed shell recorded");
    return dir;
  }

  @Test
  void aDeadShellsScratchDirIsRemovedAndALiveShellsIsKept() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    Instant goneStarted = gone.toHandle().info().startInstant().orElse(Instant.now());
    gone.waitFor(10, TimeUnit.SECONDS);
    Path stale = leftBy(gone.pid(), goneStarted, "123");
    Path mine = ScratchDirs.create(tmp, uid);
    Path unrelated = Files.createDirectory(tmp.resolve("rootless-ctr-runc-" + uid));

    assertEquals(List.of(stale), ScratchDirs.collect(tmp, uid));
    assertFalse(Files.exists(stale));
    assertTrue(Files.isDirectory(mine), "this shell's own scratch dir stays");
    assertTrue(Files.isDirectory(unrelated), "only scratch dirs are collected");
    assertTrue(PrivateDir.inspect(mine).privateTo(uid), "created 0700");
  }

  @Test
  void aScratchDirOfAnotherUserIsNeverTouched() throws Exception {
    assumeTrue(uid == 0, "only root can make a directory that belongs to another user");
    Path theirs = leftBy(999_999, Instant.ofEpochMilli(1000), "456");
    Files.setAttribute(theirs, "unix:uid", 65534);
    assertEquals(List.of(), ScratchDirs.collect(tmp, uid));
    assertTrue(Files.exists(theirs.resolve("typescript")));
  }

  @Test
  void aSymlinkNamedLikeAScratchDirIsNotFollowed() throws Exception {
    Path victim = Files.createDirectories(tmp.resolve("victim"));
    Files.writeString(victim.resolve("precious"), "keep me");
    Files.createSymbolicLink(tmp.resolve("rootless-ctr-scratch-999999-1000-789"), victim);
    assertEquals(List.of(), ScratchDirs.collect(tmp, uid));
    assertTrue(Files.exists(victim.resolve("precious")));
  }
}
