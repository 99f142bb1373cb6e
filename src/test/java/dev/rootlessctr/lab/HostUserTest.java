package dev.rootlessctr.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell's home is the learner's $HOME, as their commands and ~ see it. */
class HostUserTest {

  @TempDir Path dir;

  @Test
  void homeIsDollarHomeWhenItIsADirectory() {
    assertEquals(dir, HostUser.current(Map.of("HOME", dir.toString())).home());
    assertEquals(dir, HostUser.home(Map.of("HOME", dir + "/./")));
  }

  @Test
  void withoutAUsableHomeItIsThePasswordDatabases() {
    Path passwd = Path.of(System.getProperty("user.home"));
    assertEquals(passwd, HostUser.home(Map.of()));
    assertEquals(passwd, HostUser.home(Map.of("HOME", "relative/dir")));
    assertEquals(passwd, HostUser.home(Map.of("HOME", dir.resolve("missing").toString())));
  }
}
