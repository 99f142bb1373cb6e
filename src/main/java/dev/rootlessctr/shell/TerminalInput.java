package dev.rootlessctr.shell;

import org.jline.reader.LineReader;

/** The JLine line editor: history, completion, Ctrl-C and Ctrl-D. */
final class TerminalInput implements Input {

  private final LineReader reader;

  TerminalInput(LineReader reader) {
    this.reader = reader;
  }

  @Override
  public String readLine(String prompt) {
    return reader.readLine(prompt);
  }

  @Override
  public boolean interactive() {
    return true;
  }

  LineReader reader() {
    return reader;
  }
}
