package dev.rootlessctr.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a line leaves behind (directory, exports, unsets) is where the next line starts. */
class ShellStateTest {

  @TempDir Path temp;

  private ShellState run(ShellState state, String... lines) throws Exception {
    Path scratch = Files.createDirectories(temp.resolve("scratch"));
    PipeLineRunner runner =
        new PipeLineRunner(new ByteArrayOutputStream(), scratch, Duration.ofMinutes(1), line -> {});
    for (String line : lines) {
      runner.run(line, state);
    }
    return state;
  }

  @Test
  void exportsUnsetsAndDirectoriesCarryOver() throws Exception {
    Files.createDirectories(temp.resolve("lab/sub"));
    Map<String, String> env =
        new LinkedHashMap<>(
            Map.of("PATH", System.getenv("PATH"), "GONE", "x", "HOME", temp.toString()));
    ShellState state =
        run(
            new ShellState(temp.resolve("lab"), env),
            "cd sub",
            "export TWO_LINES=\"a\nb\" EMPTY=",
            "unset GONE");

    assertEquals(temp.resolve("lab/sub"), state.cwd());
    assertEquals("a\nb", state.env().get("TWO_LINES"));
    assertEquals("", state.env().get("EMPTY"));
    assertFalse(state.env().containsKey("GONE"));
  }

  @Test
  void variablesBashCannotNameSurvive() throws Exception {
    Map<String, String> env =
        new LinkedHashMap<>(
            Map.of("PATH", System.getenv("PATH"), "odd.name", "kept", "HOME", temp.toString()));
    ShellState state = run(new ShellState(temp, env), "export X=1");

    assertEquals("kept", state.env().get("odd.name"));
    assertEquals("1", state.env().get("X"));
  }
}
