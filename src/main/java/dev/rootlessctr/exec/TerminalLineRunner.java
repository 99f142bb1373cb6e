package dev.rootlessctr.exec;

import dev.rootlessctr.io.LenientText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.InputFlag;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;

/**
 * Runs a line on the real terminal through {@code script(1)}, which gives the command a
 * pseudo-terminal of its own and records everything it printed.
 *
 * <p>The JVM shares the terminal's process group, so a Ctrl-C delivered as a signal would reach it
 * too. Instead, while the command runs the real terminal is raw with signals off and this class
 * relays every key to the command's pseudo-terminal: Ctrl-C arrives there as a byte, and that
 * terminal turns it into SIGINT for the command alone. Being the only reader of the real terminal
 * also means no key typed for the command can be swallowed by the line editor.
 */
public final class TerminalLineRunner implements LineRunner {

  private static final char CTRL_C = 3;

  /**
   * Keys typed in a command's first moments are held this long before they go to it: a command that
   * ends by then (clear, ls, mkdir) never reads its input, and its pseudo-terminal would take the
   * keys away with it. Held keys of such a command are typed ahead for the prompt, as in any shell.
   * An interactive program gets them this much later, which nobody notices. The keys are lost in
   * the command's own pseudo-terminal, not in the line editor, so JLine 4's fix for keys stolen
   * from a child reading the real terminal (jline3 issue 2219) does not help: ShellInPtyIT fails
   * with JLine 4.5.0 and no hold.
   */
  static final Duration HOLD = Duration.ofMillis(150);

  private final Terminal terminal;
  private final LineScript script;
  private final Duration quietNotice;
  private final Consumer<String> notice;
  private Consumer<String> typeahead = keys -> {};
  private Consumer<String> recorder;

  /** {@code notice} is told once when a command has printed nothing for {@code quietNotice}. */
  public TerminalLineRunner(
      Terminal terminal, Path scratch, Duration quietNotice, Consumer<String> notice) {
    this.terminal = terminal;
    this.script = new LineScript(scratch);
    this.quietNotice = quietNotice;
    this.notice = notice;
  }

  /**
   * Where a copy of each command's output goes as it appears (a session recording): the command
   * writes to the terminal from its own pseudo-terminal, so the typescript is the only place the
   * shell sees it.
   */
  public TerminalLineRunner recordTo(Consumer<String> recorder) {
    this.recorder = recorder;
    return this;
  }

  /** Where keys go that were typed while a short command ran and that it never got. */
  public TerminalLineRunner typeaheadTo(Consumer<String> typeahead) {
    this.typeahead = typeahead;
    return this;
  }

  @Override
  public Outcome run(String line, ShellState state) throws IOException {
    Path log = script.logFile();
    Files.deleteIfExists(log);
    Size size = terminal.getSize();
    String stty =
        size.getRows() > 0 ? "rows " + size.getRows() + " cols " + size.getColumns() : null;
    List<String> argv = new ArrayList<>(List.of("script", "-q", "-f", "-e", "-E", "always", "-c"));
    argv.add("exec bash --noprofile --norc -c 'eval \"$RCTR_SCRIPT\"'");
    argv.add(log.toString());
    ProcessBuilder builder = new ProcessBuilder(argv).directory(state.cwd().toFile());
    builder.environment().clear();
    builder.environment().putAll(script.environment(line, state, stty));
    builder.environment().put("SHELL", "/bin/sh"); // script(1) runs -c with $SHELL
    builder
        .redirectOutput(ProcessBuilder.Redirect.INHERIT)
        .redirectError(ProcessBuilder.Redirect.INHERIT);

    long start = System.nanoTime();
    terminal.flush();
    Attributes saved = terminal.getAttributes();
    boolean interrupted = false;
    Process process;
    try {
      terminal.setAttributes(relayMode(saved));
      process = builder.start();
      interrupted = relay(process, log, start, line);
    } finally {
      terminal.setAttributes(saved);
    }
    int exit = process.exitValue();
    script.adoptState(state);
    String output = Files.exists(log) ? TerminalText.clean(LenientText.read(log)) : "";
    Files.deleteIfExists(log);
    // A Ctrl-C that an interactive program took for itself (the container's sh, a REPL) and
    // that ended normally afterwards did not interrupt the command.
    boolean stopped = exit == 130 || (interrupted && exit != 0);
    return new Outcome(
        line,
        exit,
        stripScriptBanner(output),
        Duration.ofNanos(System.nanoTime() - start),
        stopped);
  }

  private static Attributes relayMode(Attributes saved) {
    Attributes raw = new Attributes(saved);
    raw.setLocalFlags(
        EnumSet.of(LocalFlag.ICANON, LocalFlag.ECHO, LocalFlag.ISIG, LocalFlag.IEXTEN), false);
    raw.setInputFlags(EnumSet.of(InputFlag.IXON, InputFlag.ICRNL, InputFlag.INLCR), false);
    raw.setControlChar(ControlChar.VMIN, 1);
    raw.setControlChar(ControlChar.VTIME, 0);
    return raw;
  }

  /** Copies keys to the command until it exits; returns whether Ctrl-C was among them. */
  private boolean relay(Process process, Path log, long start, String line) throws IOException {
    NonBlockingReader keys = terminal.reader();
    OutputStream toCommand = process.getOutputStream();
    boolean interrupted = false;
    boolean noticed = false;
    StringBuilder held = new StringBuilder();
    LogTail tail = recorder == null ? null : new LogTail(log, recorder);
    while (process.isAlive()) {
      if (tail != null) {
        tail.poll();
      }
      boolean holding = System.nanoTime() - start < HOLD.toNanos();
      int c = keys.read(holding ? 10L : 50L);
      if (c >= 0 && holding && c != CTRL_C) {
        held.append((char) c);
        continue;
      }
      if (!held.isEmpty() && (c >= 0 || !holding)) {
        send(toCommand, held.toString()); // the command is still there: the keys are its
        held.setLength(0);
      }
      if (c >= 0) {
        interrupted |= c == CTRL_C;
        send(toCommand, String.valueOf((char) c));
      } else if (!noticed && System.nanoTime() - start > quietNotice.toNanos() && quiet(log)) {
        notice.accept(line);
        noticed = true;
      }
    }
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (tail != null) {
      tail.finish();
    }
    if (!held.isEmpty()) {
      typeahead.accept(held.toString());
    }
    return interrupted;
  }

  private static void send(OutputStream toCommand, String keys) {
    try {
      toCommand.write(keys.getBytes(StandardCharsets.UTF_8));
      toCommand.flush();
    } catch (IOException closed) {
      // The command exited between the read and the write; the key is simply dropped.
    }
  }

  private static boolean quiet(Path log) {
    try {
      return !Files.exists(log) || Files.size(log) == 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static String stripScriptBanner(String output) {
    String text = output;
    if (text.startsWith("Script started")) {
      int nl = text.indexOf('\n');
      text = nl < 0 ? "" : text.substring(nl + 1);
    }
    int done = text.lastIndexOf("\nScript done");
    if (done >= 0) {
      text = text.substring(0, done + 1);
    }
    return text;
  }
}
