package dev.rootlessctr.exec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the learner's shell stands between lines: its directory and exported environment. This is
 * what makes {@code cd} and {@code export} persist although each line runs in its own bash.
 */
public final class ShellState {

  private Path cwd;
  private final Map<String, String> env;

  public ShellState(Path cwd, Map<String, String> env) {
    this.cwd = cwd;
    this.env = new LinkedHashMap<>(env);
  }

  public synchronized Path cwd() {
    return cwd;
  }

  public synchronized Map<String, String> env() {
    return Map.copyOf(env);
  }

  public synchronized void cd(Path dir) {
    this.cwd = dir;
  }

  public synchronized void put(String name, String value) {
    env.put(name, value);
  }

  /** Adopts the state recorded after a line: {@code PWD\0NAME=VALUE\0...}. */
  synchronized void adopt(String recorded) {
    String[] parts = recorded.split("\0");
    if (parts.length == 0 || parts[0].isEmpty()) {
      return;
    }
    Map<String, String> next = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      int eq = parts[i].indexOf('=');
      if (eq > 0) {
        next.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
      }
    }
    // Names that are not shell identifiers (a.b=1) pass through bash untouched but are not
    // bash variables, so the recording cannot list them: they stay as they were.
    env.forEach(
        (name, value) -> {
          if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            next.putIfAbsent(name, value);
          }
        });
    // bash maintains these itself; keeping its copies would pin them to a stale value.
    next.remove("SHLVL");
    next.remove("_");
    next.remove("OLDPWD");
    cwd = Path.of(parts[0]);
    env.clear();
    env.putAll(next);
  }
}
