package dev.rootlessctr.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs a line with nobody at the keyboard, for {@code verify}: in a pseudo-terminal of its own
 * ({@code script(1)}, as on the real terminal, because runc's {@code "terminal": true} needs one),
 * typing given lines into it the way a learner would, one after the other once the command has gone
 * quiet. Everything the command printed is kept for the check.
 */
public final class TypedLineRunner implements LineRunner {

  /**
   * How long a command must have printed nothing before the next line is typed (its prompt is up).
   */
  private static final Duration QUIET = Duration.ofMillis(200);

  /**
   * Never wait longer than this for quiet before typing anyway: a chatty command gets its line too.
   */
  private static final Duration MOST_QUIET_WAIT = Duration.ofSeconds(10);

  /**
   * How long the last line (usually {@code exit}) waits for the outside look to have seen enough.
   */
  private static final Duration MOST_SEEN_WAIT = Duration.ofSeconds(10);

  private static final String SIZE = "rows 40 cols 120";

  private final LineScript script;
  private final Duration timeout;

  /**
   * {@code scratch} is a private directory (mode 700); a line running longer than {@code timeout}
   * is stopped.
   */
  public TypedLineRunner(Path scratch, Duration timeout) {
    this.script = new LineScript(scratch);
    this.timeout = timeout;
  }

  @Override
  public Outcome run(String line, ShellState state) throws IOException {
    return run(line, List.of(), state, () -> true);
  }

  /**
   * Runs {@code line}, types {@code typed} into it line by line, and holds the last typed line
   * until {@code seenEnough} says the outside look is done (or a while has passed), so a container
   * is not left before it was looked at. Input ends after the last line (Ctrl-D).
   */
  public Outcome run(String line, List<String> typed, ShellState state, BooleanSupplier seenEnough)
      throws IOException {
    List<String> argv =
        List.of(
            "script",
            "-q",
            "-f",
            "-e",
            "-c",
            "exec bash --noprofile --norc -c 'eval \"$RCTR_SCRIPT\"'",
            "/dev/null");
    ProcessBuilder builder = new ProcessBuilder(argv).directory(state.cwd().toFile());
    builder.environment().clear();
    builder.environment().putAll(script.environment(line, state, SIZE));
    builder.environment().put("SHELL", "/bin/sh"); // script(1) runs -c with $SHELL
    builder.redirectErrorStream(true);
    long start = System.nanoTime();
    Process process = builder.start();
    Output output = new Output(process.getInputStream());
    boolean timedOut = false;
    try (OutputStream keyboard = process.getOutputStream()) {
      for (int i = 0; i < typed.size() && process.isAlive(); i++) {
        output.awaitQuiet(process);
        if (i == typed.size() - 1) {
          awaitSeen(seenEnough, process);
        }
        keyboard.write((typed.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
      }
    } catch (IOException closed) {
      // the command exited before it read everything: what it printed tells why
    }
    try {
      long left = timeout.toNanos() - (System.nanoTime() - start);
      if (!process.waitFor(Math.max(0, left), java.util.concurrent.TimeUnit.NANOSECONDS)) {
        timedOut = true;
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
      }
      output.join();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    script.adoptState(state);
    String text = TerminalText.clean(output.text());
    if (timedOut) {
      text += "\n(stopped after " + timeout.toSeconds() + " s)\n";
    }
    int exit = timedOut ? 124 : process.exitValue();
    return new Outcome(line, exit, text, Duration.ofNanos(System.nanoTime() - start), timedOut);
  }

  private static void awaitSeen(BooleanSupplier seenEnough, Process process) {
    long until = System.nanoTime() + MOST_SEEN_WAIT.toNanos();
    while (!seenEnough.getAsBoolean() && process.isAlive() && System.nanoTime() < until) {
      sleep(20);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The command's output, read as it comes, with the moment it last printed something. */
  private static final class Output {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Thread reader;
    private volatile long lastPrinted = System.nanoTime();

    Output(InputStream in) {
      reader = new Thread(() -> copy(in), "typed-line-output");
      reader.setDaemon(true);
      reader.start();
    }

    private void copy(InputStream in) {
      byte[] buffer = new byte[8192];
      try (in) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          synchronized (bytes) {
            bytes.write(buffer, 0, n);
          }
          lastPrinted = System.nanoTime();
        }
      } catch (IOException e) {
        // the pipe closed with the command
      }
    }

    /** Waits until the command has printed something and then nothing for a moment. */
    void awaitQuiet(Process process) {
      long until = System.nanoTime() + MOST_QUIET_WAIT.toNanos();
      while (process.isAlive() && System.nanoTime() < until) {
        boolean printed;
        synchronized (bytes) {
          printed = bytes.size() > 0;
        }
        if (printed && System.nanoTime() - lastPrinted >= QUIET.toNanos()) {
          return;
        }
        sleep(20);
      }
    }

    void join() throws InterruptedException {
      reader.join(5000);
    }

    String text() {
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
