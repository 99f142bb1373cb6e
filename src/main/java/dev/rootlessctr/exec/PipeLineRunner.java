package dev.rootlessctr.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Runs a line with pipes instead of a terminal, for scripted sessions ({@code rootless-ctr <
 * steps.txt}) and tests: output is shown as it comes and kept for the check.
 */
public final class PipeLineRunner implements LineRunner {

  private final OutputStream out;
  private final LineScript script;
  private final Duration quietNotice;
  private final Consumer<String> notice;
  private volatile Process current;

  public PipeLineRunner(
      OutputStream out, Path scratch, Duration quietNotice, Consumer<String> notice) {
    this.out = out;
    this.script = new LineScript(scratch);
    this.quietNotice = quietNotice;
    this.notice = notice;
  }

  @Override
  public Outcome run(String line, ShellState state) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(LineScript.bashArgv()).directory(state.cwd().toFile());
    builder.environment().clear();
    builder.environment().putAll(script.environment(line, state, null));
    builder.redirectErrorStream(true);
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    long start = System.nanoTime();
    Process process = builder.start();
    current = process;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    Thread watcher = quietWatcher(process, captured, line);
    Thread pump = pump(process.getInputStream(), captured);
    try {
      process.waitFor();
      // What the line printed last is still in the pipe; a process it left running (runc create,
      // run -d, cmd &) holds the pipe open for good, so the line ends with bash all the same, and
      // whatever that process prints later is still passed on, as a terminal would show it.
      pump.join(AFTER_EXIT.toMillis());
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
    } finally {
      current = null;
      watcher.interrupt();
    }
    script.adoptState(state);
    int exit = process.exitValue();
    String output;
    synchronized (captured) {
      output = TerminalText.clean(captured.toString(StandardCharsets.UTF_8));
    }
    return new Outcome(
        line, exit, output, Duration.ofNanos(System.nanoTime() - start), exit == 130);
  }

  /** How long output may still come once the line's bash has exited. */
  private static final Duration AFTER_EXIT = Duration.ofMillis(300);

  /** Copies the command's output to the screen and to {@code captured} until the pipe closes. */
  private Thread pump(InputStream in, ByteArrayOutputStream captured) {
    Thread thread =
        new Thread(
            () -> {
              try (in) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) > 0; ) {
                  synchronized (captured) {
                    captured.write(buffer, 0, n);
                  }
                  synchronized (out) {
                    out.write(buffer, 0, n);
                    out.flush();
                  }
                }
              } catch (IOException e) {
                // the pipe is gone: nothing more to show
              }
            },
            "output-pump");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Interrupts the running command, as Ctrl-C would on a terminal; false when none runs. */
  public boolean interrupt() {
    Process process = current;
    if (process == null) {
      return false;
    }
    process.toHandle().descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    return true;
  }

  private Thread quietWatcher(Process process, ByteArrayOutputStream captured, String line) {
    Thread thread =
        new Thread(
            () -> {
              try {
                Thread.sleep(quietNotice.toMillis());
                boolean quiet;
                synchronized (captured) {
                  quiet = captured.size() == 0;
                }
                if (quiet && process.isAlive()) {
                  notice.accept(line);
                }
              } catch (InterruptedException e) {
                // finished before the notice was due
              }
            },
            "quiet-notice");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
