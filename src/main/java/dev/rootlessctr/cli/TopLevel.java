package dev.rootlessctr.cli;

import dev.rootlessctr.settings.XdgDirs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The handler around every command: input errors become {@code rootless-ctr: REASON} and a hint
 * (exit 2); anything else becomes one line, a pointer to the crash log holding the full trace, and
 * exit 1. No stack trace reaches the terminal.
 */
public final class TopLevel {

  /** A command, as the handler runs it. */
  public interface Body {
    int run() throws Exception;
  }

  private static final int MAX_REASON = 200;

  private final PrintWriter err;
  private final CrashLog log;
  private final List<String> args;

  TopLevel(PrintWriter err, CrashLog log, List<String> args) {
    this.err = err;
    this.log = log;
    this.args = List.copyOf(args);
  }

  /** The handler for a run with {@code args}, logging crashes to the XDG state directory. */
  public static TopLevel forRun(PrintWriter err, Environment env, List<String> args) {
    return new TopLevel(
        err, new CrashLog(XdgDirs.from(env.variables()).state(), Clock.systemUTC()), args);
  }

  /** Runs {@code body}; returns its exit code, or the one for how it failed. */
  public int run(Body body) {
    try {
      return body.run();
    } catch (InputError e) {
      err.println("rootless-ctr: " + clean(e.reason()));
      if (!e.hint().isEmpty()) {
        err.println("  " + clean(e.hint()));
      }
      err.flush();
      return ExitCode.USAGE;
    } catch (Throwable e) { // NOPMD: the one place that must catch everything, errors included
      crashed(e, Thread.currentThread().getName());
      return ExitCode.FAILED;
    }
  }

  /**
   * For threads other than main: the same one line and log, without an exit. A terminal closed
   * under the shell is not reported: JLine's signal handlers (SIGCONT, SIGWINCH) then try to redraw
   * on it and fail, while the main thread sees the end of its input and cleans up as usual.
   */
  public Thread.UncaughtExceptionHandler forThreads() {
    return (thread, e) -> {
      if (!terminalGone(e)) {
        crashed(e, thread.getName());
      }
    };
  }

  /**
   * An I/O error, or JLine's "Terminal has been closed", raised inside JLine: the terminal it works
   * on is gone.
   */
  static boolean terminalGone(Throwable e) {
    boolean io = e instanceof java.io.IOError && e.getCause() instanceof IOException;
    boolean closed =
        e instanceof IllegalStateException && "Terminal has been closed".equals(e.getMessage());
    return (io || closed)
        && java.util.Arrays.stream(e.getStackTrace())
            .anyMatch(frame -> frame.getClassName().startsWith("org.jline."));
  }

  private synchronized void crashed(Throwable crash, String thread) {
    String where;
    try {
      where = "The details are in " + log.write(crash, args, thread) + ".";
    } catch (Throwable e) { // NOPMD: even an OutOfMemoryError here must not become a trace
      where =
          "The details could not be saved either (" + clean(String.valueOf(e.getMessage())) + ").";
    }
    err.println("rootless-ctr: " + reason(crash));
    err.println("  This is a bug in rootless-ctr, not something you did. " + where);
    err.println("  Please report it with that file.");
    err.flush();
  }

  /** One line saying what went wrong, in words where the kind of failure is known. */
  static String reason(Throwable crash) {
    Throwable e = crash;
    while ((e instanceof CompletionException
            || e instanceof ExecutionException
            || e instanceof UncheckedIOException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    String text;
    if (e instanceof OutOfMemoryError) {
      text = "ran out of memory";
    } else if (e instanceof StackOverflowError) {
      text = "ran out of stack space (something is nested too deeply)";
    } else if (e instanceof NoSuchFileException missing) {
      text = missing.getFile() + ": no such file or folder";
    } else if (e instanceof AccessDeniedException denied) {
      text = denied.getFile() + ": permission denied";
    } else if (e instanceof IOException) {
      text = "input/output error: " + e.getMessage();
    } else {
      text =
          "internal error: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
    StackTraceElement ours = ourFrame(e);
    return clean(text)
        + (ours == null
            ? ""
            : " (at "
                + ours.getClassName().replace("dev.rootlessctr.", "")
                + "."
                + ours.getMethodName()
                + ":"
                + ours.getLineNumber()
                + ")");
  }

  private static StackTraceElement ourFrame(Throwable e) {
    for (StackTraceElement frame : e.getStackTrace()) {
      if (frame.getClassName().startsWith("dev.rootlessctr.")) {
        return frame;
      }
    }
    return null;
  }

  /** The first line, without control characters, cut to a readable length. */
  static String clean(String text) {
    String line = text.lines().findFirst().orElse("").replaceAll("\\p{Cntrl}", "?");
    return line.length() > MAX_REASON ? line.substring(0, MAX_REASON) + "..." : line;
  }
}
