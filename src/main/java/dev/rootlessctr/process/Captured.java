package dev.rootlessctr.process;

import java.util.List;

/** What a finished program left behind: its exit status and both output streams as text. */
public record Captured(
    List<String> argv, int exitCode, String stdout, String stderr, boolean timedOut) {

  public boolean succeeded() {
    return exitCode == 0 && !timedOut;
  }
}
