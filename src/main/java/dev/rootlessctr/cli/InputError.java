package dev.rootlessctr.cli;

/**
 * Bad usage or input the learner can fix: printed as {@code rootless-ctr: REASON} and a hint, never
 * as a stack trace, and the exit status is {@link ExitCode#USAGE}.
 */
public final class InputError extends Exception {

  private static final long serialVersionUID = 1L;

  private final String hint;

  /**
   * @param reason one line: what is wrong, naming the option or file
   * @param hint one line: what to do about it, or empty
   */
  public InputError(String reason, String hint) {
    super(reason);
    this.hint = hint;
  }

  public String reason() {
    return getMessage();
  }

  public String hint() {
    return hint;
  }
}
