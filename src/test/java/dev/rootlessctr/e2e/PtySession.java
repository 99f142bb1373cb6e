package dev.rootlessctr.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program running in a real pseudo-terminal (made by script(1)) that a test types into and reads
 * from, as a person at a terminal would.
 */
public final class PtySession implements AutoCloseable {

  private final Process process;
  private final OutputStream keys;
  private final StringBuilder screen = new StringBuilder();
  private int mark;

  private PtySession(Process process) {
    this.process = process;
    this.keys = process.getOutputStream();
    Thread reader = new Thread(this::pump, "pty-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code command} (a shell line) in a pty of 30x100, as {@code prefix} says (runuser). */
  public static PtySession start(List<String> prefix, Map<String, String> env, String command)
      throws IOException {
    List<String> argv = new ArrayList<>(prefix);
    argv.add("env");
    env.forEach((k, v) -> argv.add(k + "=" + v));
    argv.addAll(
        List.of(
            "SHELL=/bin/sh",
            "script",
            "-q",
            "-e",
            "-c",
            "stty rows 30 cols 100; exec " + command,
            "/dev/null"));
    ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
    builder.environment().put("TERM", "xterm-256color");
    return new PtySession(builder.start());
  }

  private void pump() {
    try (InputStream in = process.getInputStream()) {
      byte[] buffer = new byte[4096];
      for (int n; (n = in.read(buffer)) > 0; ) {
        synchronized (screen) {
          screen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
          screen.notifyAll();
        }
      }
    } catch (IOException e) {
      // the session ended
    }
  }

  /** Types {@code text} (use \r for Enter, \u0003 for Ctrl-C). */
  public void type(String text) throws IOException {
    keys.write(text.getBytes(StandardCharsets.UTF_8));
    keys.flush();
  }

  /**
   * Waits until {@code text} appears after the last awaited text; returns the output since then.
   */
  public String await(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (screen) {
      while (true) {
        String plain = plain(screen.toString());
        int from = Math.min(mark, plain.length());
        int at = plain.indexOf(text, from);
        if (at >= 0) {
          mark = at + text.length();
          return plain.substring(from, mark);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "did not see \""
                  + text
                  + "\" within "
                  + timeout
                  + "; output since the last match:\n"
                  + plain.substring(from));
        }
        screen.wait(Math.max(1, Math.min(200, TimeUnit.NANOSECONDS.toMillis(left))));
      }
    }
  }

  /** The processes the session runs (the program and what it started), to find or signal them. */
  public ProcessHandle handle() {
    return process.toHandle();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public String all() {
    synchronized (screen) {
      return plain(screen.toString());
    }
  }

  /** Without escape sequences and carriage returns, so tests can match words. */
  public static String plain(String raw) {
    return raw.replaceAll("\u001B\\[[0-?]*[ -/]*[@-~]", "")
        .replaceAll("\u001B\\][^\u0007]*\u0007", "")
        .replaceAll("\u001B[=>]", "")
        .replace("\r", "");
  }

  public int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("still running after " + timeout + ":\n" + all());
    }
    return process.exitValue();
  }

  /** Types {@code :quit}; the shell must leave with status 0 and no stack trace on the screen. */
  public void quitCleanly(Duration timeout) throws IOException, InterruptedException {
    type(":quit\r");
    int status = waitFor(timeout);
    if (status != 0 || all().contains("Exception")) {
      throw new AssertionError(":quit ended with status " + status + ":\n" + all());
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}
