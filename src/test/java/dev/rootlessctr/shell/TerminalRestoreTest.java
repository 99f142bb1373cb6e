package dev.rootlessctr.shell;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;

/** A terminal closed under the shell (its window shut) is no crash when the shell ends. */
class TerminalRestoreTest {

  /** A terminal on no real device, to close under the code that uses it. */
  private static Terminal terminal() throws java.io.IOException {
    return new ExternalTerminal(
        "closed",
        "xterm",
        new ByteArrayInputStream(new byte[0]),
        new ByteArrayOutputStream(),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void restoringTheModesOfAClosedTerminalIsQuiet() throws Exception {
    Terminal terminal = terminal();
    Attributes original = new Attributes(terminal.getAttributes());
    terminal.close();
    assertThrows(IllegalStateException.class, () -> terminal.setAttributes(original));
    assertDoesNotThrow(() -> ShellLauncher.restore(terminal, original));
  }

  @Test
  void printingToAClosedTerminalOnTheWayOutIsQuiet() throws Exception {
    Terminal terminal = terminal();
    Printer printer =
        new Printer(
            terminal.writer(), dev.rootlessctr.render.Style.of(false), terminal::getColumns);
    terminal.close();
    assertThrows(IllegalStateException.class, terminal::getColumns);
    assertDoesNotThrow(() -> printer.note("Progress saved. Bye."));
  }

  @Test
  void aClosedTerminalIsTheEndOfInputNotACrash() throws Exception {
    Terminal terminal = terminal();
    TerminalInput input =
        new TerminalInput(org.jline.reader.LineReaderBuilder.builder().terminal(terminal).build());
    terminal.close();
    assertThrows(org.jline.reader.EndOfFileException.class, () -> input.readLine("$ "));
  }
}
