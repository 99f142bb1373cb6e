package dev.rootlessctr.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.keymap.KeyMap;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Ctrl-C at the prompt is a key that cancels the line, with the terminal's signals off. */
@Timeout(20)
class TerminalInputTest {

  @Test
  void ctrlCIsReadAsAKeyWhileTheEditorReadsAndSignalsComeBackAfter() throws Exception {
    PipedInputStream in = new PipedInputStream();
    PipedOutputStream keys = new PipedOutputStream(in);
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    // The pipe stays open: at its end the terminal would close and the reader see end-of-file.
    try (keys;
        Terminal terminal =
            TerminalBuilder.builder()
                .system(false)
                .streams(in, screen)
                .type("xterm")
                .size(new Size(80, 24))
                .build()) {
      assertTrue(
          terminal.getAttributes().getLocalFlag(LocalFlag.ISIG),
          "a terminal starts with signals on");
      LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
      TerminalInput input = new TerminalInput(reader);
      AtomicBoolean signalsWhileReading = new AtomicBoolean(true);
      reader
          .getWidgets()
          .put(
              "look",
              () -> {
                signalsWhileReading.set(terminal.getAttributes().getLocalFlag(LocalFlag.ISIG));
                return true;
              });
      reader.getKeyMaps().get(LineReader.EMACS).bind(new Reference("look"), KeyMap.ctrl('X'));

      // Keys are judged when they arrive, as a kernel's line discipline does: type at the prompt.
      CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> input.readLine("$ "));
      while (!screen.toString(StandardCharsets.UTF_8).contains("$ ")) {
        Thread.sleep(10);
      }
      keys.write("\u0018half a line\u0003".getBytes(StandardCharsets.UTF_8));
      keys.flush();
      ExecutionException failed =
          assertThrows(ExecutionException.class, () -> line.get(10, TimeUnit.SECONDS));
      UserInterruptException cancelled =
          assertInstanceOf(UserInterruptException.class, failed.getCause());
      assertEquals("half a line", cancelled.getPartialLine());
      assertFalse(signalsWhileReading.get(), "ISIG is off while the line editor reads");
      assertTrue(
          terminal.getAttributes().getLocalFlag(LocalFlag.ISIG), "and on again once it is done");
      keys.write("echo next\r".getBytes(StandardCharsets.UTF_8));
      keys.flush();
      assertEquals("echo next", input.readLine("$ "));
    }
  }
}
