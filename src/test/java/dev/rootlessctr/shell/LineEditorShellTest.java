package dev.rootlessctr.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.TestPaths;
import dev.rootlessctr.exec.PipeLineRunner;
import dev.rootlessctr.render.Style;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Drives the shell through JLine's line editor over piped streams, as keys would arrive. */
@Timeout(60)
class LineEditorShellTest {

  @TempDir Path root;

  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private PipedOutputStream keys;

  private CompletableFuture<Integer> start() throws IOException {
    PipedInputStream in = new PipedInputStream(64 * 1024);
    keys = new PipedOutputStream(in);
    Terminal terminal =
        TerminalBuilder.builder()
            .system(false)
            .streams(in, screen)
            .type("xterm")
            .size(Size.of(100, 30))
            .build();
    ShellHarness harness = new ShellHarness(root, TestPaths.fixtureCourse());
    Printer printer =
        new Printer(
            new PrintWriter(terminal.writer(), true), Style.of(false), terminal::getColumns);
    Path scratch = Files.createTempDirectory(root, "scratch");
    Shell shell =
        ShellSetup.forTerminal(
            harness.parts(printer),
            terminal,
            root.resolve("history"),
            (p, typeahead) ->
                new PipeLineRunner(
                    new WriterStream(terminal.writer()), scratch, Duration.ofSeconds(30), l -> {}));
    return CompletableFuture.supplyAsync(
        () -> {
          try (terminal) {
            return shell.run();
          } catch (IOException e) {
            throw new RuntimeException(e);
          }
        });
  }

  /** Types once the shell is waiting at a prompt, as a person would. */
  private void type(String text) throws Exception {
    awaitPrompt();
    keys.write(text.getBytes(StandardCharsets.UTF_8));
    keys.flush();
  }

  private int prompts;

  private void awaitPrompt() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (screen().split("\\$ ", -1).length - 1 <= prompts) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no new prompt; screen:\n" + screen());
      }
      Thread.sleep(20);
    }
    prompts = screen().split("\\$ ", -1).length - 1;
  }

  private String screen() {
    return screen
        .toString(StandardCharsets.UTF_8)
        .replaceAll("\u001B\\[[0-?]*[ -/]*[@-~]", "")
        .replace("\r", "");
  }

  @Test
  void tabCompletesTutorCommandsAndLessonNames() throws Exception {
    CompletableFuture<Integer> exit = start();
    type(":he\t\r");
    type(":op\t");
    keys.write("int\t\r".getBytes(StandardCharsets.UTF_8));
    type("\u0004");
    assertEquals(0, exit.get(20, TimeUnit.SECONDS));
    String out = screen();
    assertTrue(out.contains("Tutorial commands start with ':'"), out);
    String history = Files.readString(root.resolve("history"));
    assertTrue(history.contains(":open interactive"), history);
    assertTrue(out.contains("Lesson 2: Interactive programs"), out);
  }

  @Test
  void tabCompletesContainerNamesAfterInspect() throws Exception {
    // A container as runc keeps it under the course's --root: one directory with a state.json.
    Path container = Files.createDirectories(root.resolve("runc/myctr"));
    Files.writeString(container.resolve("state.json"), "{}");
    CompletableFuture<Integer> exit = start();
    type(":insp\tmy\t\r");
    type("\u0004");
    assertEquals(0, exit.get(20, TimeUnit.SECONDS));
    String history = Files.readString(root.resolve("history"));
    assertTrue(history.contains(":inspect myctr"), history);
    assertTrue(screen().contains("Container myctr under --root " + root.resolve("runc")), screen());
  }

  @Test
  void historyIsRecalledWithTheArrowKeyAndKeptInItsFile() throws Exception {
    CompletableFuture<Integer> exit = start();
    type("echo first-$((1+1))\r");
    type("\u001bOA\r"); // up arrow (keypad mode, as xterm sends it): the previous line again
    type(":quit\r");
    assertEquals(0, exit.get(20, TimeUnit.SECONDS));
    String out = screen();
    assertEquals(2, out.split("first-2\n", -1).length - 1, out);
    String history = Files.readString(root.resolve("history"));
    assertTrue(history.contains("echo first-$((1+1))"), history);
  }
}
