package dev.rootlessctr.exec;

import java.time.Instant;

/**
 * The mark every line this program runs carries in its environment, so that a process a line left
 * running in the background (slirp4netns) can later be told apart from the learner's other
 * processes, and from another shell's: it is this program's pid and start time.
 */
public final class ShellMark {

  /** The variable that holds the mark; the learner sees it in {@code env}. */
  public static final String VARIABLE = "ROOTLESS_CTR_SHELL";

  private static final String VALUE = of(ProcessHandle.current());

  private ShellMark() {}

  /** The mark of this program. */
  public static String value() {
    return VALUE;
  }

  /** The mark a shell running as {@code process} gives its lines. */
  public static String of(ProcessHandle process) {
    return process.pid()
        + "-"
        + process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
  }
}
