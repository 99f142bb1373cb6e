package dev.rootlessctr.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jline.reader.EndOfFileException;

/** Reads standard input line by line when it is not a terminal, echoing each line it runs. */
final class ScriptedInput implements Input {

  private final BufferedReader in;
  private final Printer printer;

  ScriptedInput(BufferedReader in, Printer printer) {
    this.in = in;
    this.printer = printer;
  }

  @Override
  public String readLine(String prompt) {
    try {
      String line = in.readLine();
      if (line == null) {
        throw new EndOfFileException();
      }
      if (!line.isBlank() && !line.strip().startsWith("#")) {
        printer.line("$ " + line.strip());
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean interactive() {
    return false;
  }
}
