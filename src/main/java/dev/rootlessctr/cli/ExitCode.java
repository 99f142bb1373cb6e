package dev.rootlessctr.cli;

/** What the exit status of {@code rootless-ctr} means, in one place (and in {@code --help}). */
public final class ExitCode {

  /** The work was done: the course passed, the host is ready, the mirror served. */
  public static final int OK = 0;

  /** The work failed: a check failed, the doctor found a blocker, or something broke. */
  public static final int FAILED = 1;

  /** Bad usage or input: an unknown option, a wrong path or setting; nothing was started. */
  public static final int USAGE = 2;

  /** The lines {@code --help} prints about exit codes. */
  static final String HELP =
      String.join(
          "\n",
          "exit status:",
          "  " + OK + "  ok",
          "  " + FAILED + "  the work failed (a check, the doctor, a crash: the log is named)",
          "  " + USAGE + "  usage or input error (an option, a path, settings.json)");

  private ExitCode() {}
}
