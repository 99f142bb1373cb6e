package dev.rootlessctr.exec;

import dev.rootlessctr.io.LenientText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bash invocation that runs one line and records the state it leaves. */
final class LineScript {

  static final String SCRIPT = load();

  private final Path scratch;

  /** {@code scratch} is a private directory (mode 700) for the state and log files. */
  LineScript(Path scratch) {
    this.scratch = scratch;
  }

  Path stateFile() {
    return scratch.resolve("state");
  }

  Path logFile() {
    return scratch.resolve("typescript");
  }

  /** bash reading the script from the environment: no quoting of the learner's words anywhere. */
  static List<String> bashArgv() {
    return new ArrayList<>(List.of("bash", "--noprofile", "--norc", "-c", "eval \"$RCTR_SCRIPT\""));
  }

  Map<String, String> environment(String line, ShellState state, String sttySize) {
    Map<String, String> env = new LinkedHashMap<>(state.env());
    env.put("RCTR_SCRIPT", SCRIPT);
    env.put("RCTR_LINE", line);
    env.put("RCTR_STATE", stateFile().toString());
    env.put("PWD", state.cwd().toString());
    env.put(ShellMark.VARIABLE, ShellMark.value());
    if (sttySize != null) {
      env.put("RCTR_SIZE", sttySize);
    }
    String shell = state.env().get("SHELL");
    if (shell != null) {
      env.put("RCTR_SHELL", shell);
    }
    return env;
  }

  void adoptState(ShellState state) throws IOException {
    Path file = stateFile();
    if (Files.exists(file)) {
      state.adopt(LenientText.read(file));
      Files.delete(file);
    }
  }

  /**
   * The script as one line: bash numbers errors by line ("bash: line 9: x: command not found"), and
   * on a single line the learner sees "line 1", as with any {@code bash -c}.
   */
  private static String load() {
    try (InputStream in = LineScript.class.getResourceAsStream("run-line.sh")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .collect(java.util.stream.Collectors.joining("; "));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
