package dev.rootlessctr.shell;

/**
 * Where lines come from: the line editor on a terminal, or standard input read as if typed.
 *
 * <p>{@link #readLine} throws JLine's {@code UserInterruptException} on Ctrl-C and {@code
 * EndOfFileException} at the end of input, in both implementations.
 */
interface Input {

  String readLine(String prompt);

  /** Whether a person is typing (prompts, confirmations and colour make sense). */
  boolean interactive();
}
