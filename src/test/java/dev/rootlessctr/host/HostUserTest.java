package dev.rootlessctr.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who the user is, from a status file and an account database, with the home their shell uses. */
class HostUserTest {

  private static final String STATUS =
      "Name:\tjava\nUid:\t1001\t1002\t1001\t1001\nGid:\t1001\t1003\t1001\t1001\n"
          + "Groups:\t27 1001 \n";

  @TempDir Path dir;

  private AccountBook accounts() throws IOException {
    Path passwd =
        Files.writeString(
            dir.resolve("passwd"),
            "root:x:0:0:root:/root:/bin/bash\nlearner:x:1002:1003:,,,:/home/learner:/bin/bash\n");
    Path group =
        Files.writeString(
            dir.resolve("group"), "root:x:0:\nsudo:x:27:someone, learner\nlearner:x:1003:\n");
    return AccountBook.files(passwd, group);
  }

  @Test
  void theEffectiveIdsCountAndPasswdNamesThem() throws IOException {
    ProcStatus status = ProcStatus.parse(STATUS).orElseThrow();
    assertEquals(1001, status.realUid());
    HostUser user = HostUser.of(status, accounts(), Map.of());
    assertEquals("learner", user.name());
    assertEquals(1002, user.uid());
    assertEquals(1003, user.gid());
    assertEquals(Set.of(1003L, 27L, 1001L), user.groups());
    assertEquals(Path.of("/home/learner"), user.home());
    assertFalse(user.isRoot());
  }

  @Test
  void homeIsDollarHomeWhenItIsADirectory() throws IOException {
    ProcStatus status = ProcStatus.parse(STATUS).orElseThrow();
    assertEquals(dir, HostUser.of(status, accounts(), Map.of("HOME", dir + "/./")).home());
    assertEquals(dir, HostUser.current(Map.of("HOME", dir.toString())).home());
  }

  @Test
  void withoutAUsableHomeItIsThePasswordDatabases() throws IOException {
    ProcStatus status = ProcStatus.parse(STATUS).orElseThrow();
    Path passwd = Path.of("/home/learner");
    assertEquals(passwd, HostUser.of(status, accounts(), Map.of("HOME", "relative/dir")).home());
    assertEquals(
        passwd,
        HostUser.of(status, accounts(), Map.of("HOME", dir.resolve("missing").toString())).home());
  }

  @Test
  void aUidWithoutANameIsCalledByItsNumber() throws IOException {
    ProcStatus status =
        ProcStatus.parse("Uid:\t4321\t4321\t4321\t4321\nGid:\t7\t7\t7\t7\n").orElseThrow();
    assertEquals("4321", HostUser.of(status, accounts(), Map.of()).name());
  }

  @Test
  void aStatusWithoutIdsIsNotGuessed() {
    assertEquals(Optional.empty(), ProcStatus.parse("Name:\tjava\nUid:\t1001\n"));
    assertFalse(HostUser.unknown().known());
    assertFalse(HostUser.unknown().isRoot());
  }

  @Test
  void groupMembershipIsByListOrByGid() throws IOException {
    HostUser learner = HostUser.of(ProcStatus.parse(STATUS).orElseThrow(), accounts(), Map.of());
    GroupEntry sudo = accounts().groupNamed("sudo").orElseThrow();
    assertEquals(java.util.List.of("someone", "learner"), sudo.members());
    assertTrue(sudo.includes(learner));
    HostUser other = new HostUser("other", 5, 5, Set.of(5L), dir);
    assertFalse(sudo.includes(other));
    assertTrue(sudo.includes(new HostUser("other", 5, 5, Set.of(5L, 27L), dir)));
  }

  @Test
  void theCurrentUserIsThisProcesssUser() throws IOException {
    HostUser me = HostUser.current();
    assertEquals(Files.getAttribute(dir, "unix:uid"), (int) me.uid());
  }
}
