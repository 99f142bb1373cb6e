package dev.rootlessctr.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rootlessctr.host.HostUser;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runc state directory is created private, and someone else's directory is never used. */
class RuncRootTest {

  @TempDir Path dir;

  private final long uid = HostUser.current().uid();

  @Test
  void theUsualDirectoryIsCreatedWithMode0700() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    RuncRoot root = RuncRoot.choose(Map.of(), uid, dir.resolve("state"), tmp);
    assertEquals(tmp.resolve("rootless-ctr-runc-" + uid), root.dir());
    assertTrue(root.rejected().isEmpty());
    assertTrue(
        PrivateDir.inspect(root.dir()).privateTo(uid), PrivateDir.inspect(root.dir()).toString());
  }

  @Test
  void anOwnDirectoryThatIsTooOpenIsNarrowedTo0700() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path usual = Files.createDirectory(tmp.resolve("rootless-ctr-runc-" + uid));
    Files.setAttribute(usual, "unix:mode", 0777);
    assertEquals(usual, RuncRoot.choose(Map.of(), uid, dir.resolve("state"), tmp).dir());
    assertEquals(0700, PrivateDir.inspect(usual).mode());
  }

  /** Another user (nobody) made the learner's directory first, mode 0777. */
  @Test
  void aDirectoryOfAnotherUserIsNotUsedAndAPrivateOneIsChosen() throws Exception {
    assumeTrue(uid == 0, "only root can give a directory to another user");
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path squatted = Files.createDirectory(tmp.resolve("rootless-ctr-runc-" + uid));
    Files.setAttribute(squatted, "unix:uid", 65534);
    Files.setAttribute(squatted, "unix:mode", 0777);

    RuncRoot root = RuncRoot.choose(Map.of(), uid, dir.resolve("state"), tmp);
    assertNotEquals(squatted, root.dir());
    assertEquals(dir.resolve("state/runc"), root.dir());
    assertTrue(PrivateDir.inspect(root.dir()).privateTo(uid));
    String why = root.rejected().orElseThrow();
    assertTrue(why.startsWith(squatted + " belongs to user "), why);
    assertTrue(why.endsWith("(uid 65534), mode 0777: another user created it"), why);
    assertEquals(
        65534, PrivateDir.inspect(squatted).owner(), "someone else's directory is left alone");
  }

  @Test
  void aSymlinkIsNotFollowed() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path target = Files.createDirectories(dir.resolve("elsewhere"));
    Path link = Files.createSymbolicLink(tmp.resolve("rootless-ctr-runc-" + uid), target);
    RuncRoot root = RuncRoot.choose(Map.of(), uid, dir.resolve("state"), tmp);
    assertNotEquals(link, root.dir());
    assertTrue(root.rejected().orElseThrow().contains("is a symbolic link"));
    assertTrue(Files.isSymbolicLink(link));
    assertFalse(Files.exists(target.resolve("runc"), LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void whenNothingElseWorksAFreshPrivateDirectoryIsMade() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Files.writeString(tmp.resolve("rootless-ctr-runc-" + uid), "a file");
    Path stateIsAFile = Files.writeString(dir.resolve("state"), "a file");
    RuncRoot root = RuncRoot.choose(Map.of(), uid, stateIsAFile, tmp);
    assertTrue(
        root.dir().getFileName().toString().startsWith("rootless-ctr-runc-" + uid + "-"),
        root.dir().toString());
    assertTrue(PrivateDir.inspect(root.dir()).privateTo(uid));
  }

  @Test
  void aUsableRuntimeDirHoldsItPrivately() throws Exception {
    Path runtime = Files.createDirectories(dir.resolve("run-user"));
    RuncRoot root =
        RuncRoot.choose(
            Map.of("XDG_RUNTIME_DIR", runtime.toString()), uid, dir.resolve("state"), dir);
    assertEquals(runtime.resolve("rootless-ctr/runc"), root.dir());
    assertTrue(PrivateDir.inspect(runtime.resolve("rootless-ctr")).privateTo(uid));
    assertTrue(PrivateDir.inspect(root.dir()).privateTo(uid));
  }
}
