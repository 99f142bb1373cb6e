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
    try (InputStream in = process.getInputStream()) {
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        synchronized (captured) {
          captured.write(buffer, 0, n);
        }
        out.write(buffer, 0, n);
        out.flush();
      }
      process.waitFor();
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
    } finally {
      current = null;
      watcher.interrupt();
    }
    script.adoptState(state);
    int exit = process.exitValue();
    String output = TerminalText.clean(captured.toString(StandardCharsets.UTF_8));
    return new Outcome(
        line, exit, output, Duration.ofNanos(System.nanoTime() - start), exit == 130);
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
