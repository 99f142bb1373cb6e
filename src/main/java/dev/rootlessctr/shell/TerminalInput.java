package dev.rootlessctr.shell;

import java.io.IOError;
import org.jline.keymap.KeyMap;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Terminal;

/**
 * The JLine line editor: history, completion, Ctrl-C and Ctrl-D.
 *
 * <p>Ctrl-C at the prompt is read as a key, not a signal: while the editor reads, the terminal's
 * ISIG is off, and Ctrl-C is bound to cancelling the line. As a signal it would reach the whole
 * foreground process group; under {@code su -c} or {@code runuser -c}, su is in that group and
 * answers SIGINT by killing the shell ("Session terminated, killing shell..."). The attributes are
 * restored when the line is read, before any command runs.
 */
final class TerminalInput implements Input {

  private static final String CANCEL_LINE = "rootless-ctr-cancel-line";

  private final LineReader reader;

  TerminalInput(LineReader reader) {
    this.reader = reader;
    reader
        .getWidgets()
        .put(
            CANCEL_LINE,
            () -> {
              // The same exception JLine throws for a SIGINT, so the shell handles both alike.
              throw new UserInterruptException(reader.getBuffer().toString());
            });
    for (String keyMap :
        new String[] {LineReader.EMACS, LineReader.VIINS, LineReader.VICMD, LineReader.MENU}) {
      reader.getKeyMaps().get(keyMap).bind(new Reference(CANCEL_LINE), KeyMap.ctrl('C'));
    }
  }

  /**
   * The next line. A terminal closed under the shell (its window shut) is the end of the input, as
   * Ctrl-D is: the shell then leaves and cleans up as usual.
   */
  @Override
  public String readLine(String prompt) {
    Terminal terminal = reader.getTerminal();
    Attributes saved;
    try {
      saved = terminal.getAttributes();
      Attributes keys = new Attributes(saved);
      keys.setLocalFlag(LocalFlag.ISIG, false);
      terminal.setAttributes(keys);
    } catch (IllegalStateException | IOError e) {
      throw new EndOfFileException("the terminal was closed", e);
    }
    try {
      return reader.readLine(prompt);
    } catch (IOError e) {
      throw new EndOfFileException("the terminal was closed", e);
    } finally {
      try {
        terminal.setAttributes(saved);
      } catch (IllegalStateException | IOError e) {
        // closed: nothing is left to restore
      }
    }
  }

  @Override
  public boolean interactive() {
    return true;
  }

  LineReader reader() {
    return reader;
  }
}
