package dev.rootlessctr.verify;

import dev.rootlessctr.mirror.RegistryMode;
import dev.rootlessctr.process.ProcessRunner;
import dev.rootlessctr.render.ColorMode;
import dev.rootlessctr.shell.ShellLauncher;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code rootless-ctr --fresh}: the shell as usual, but in a {@link Throwaway} home, lab, runc
 * state directory and progress, so that {@code ./rootless-ctr --fresh < steps.txt} starts at the
 * first step every time, gives the same exit status twice, and leaves the user's own untouched.
 */
public final class FreshShell {

  private final PrintWriter out;
  private final PrintWriter err;
  private final InputStream in;
  private final Map<String, String> env;
  private final ProcessRunner processes;
  private final boolean console;

  /**
   * A fresh shell for the user of {@code env}; {@code console}: input and output are a terminal.
   */
  public FreshShell(
      PrintWriter out,
      PrintWriter err,
      InputStream in,
      Map<String, String> env,
      ProcessRunner processes,
      boolean console) {
    this.out = out;
    this.err = err;
    this.in = in;
    this.env = env;
    this.processes = processes;
    this.console = console;
  }

  /** Runs the shell on {@code lessons} (checked by the front end) in a throwaway home. */
  public int launch(Path lessons, RegistryMode registry, ColorMode color, boolean allowRoot) {
    return launch(lessons, registry, color, allowRoot, null);
  }

  /**
   * As {@link #launch(Path, RegistryMode, ColorMode, boolean)}; {@code defaultCourse} is the
   * project's, beside which {@code :courses} finds the others (null: only {@code lessons}).
   */
  public int launch(
      Path lessons, RegistryMode registry, ColorMode color, boolean allowRoot, Path defaultCourse) {
    try (Throwaway throwaway = Throwaway.create(env, processes)) {
      err.println(
          "rootless-ctr: --fresh: a throwaway home, lab and progress in "
              + throwaway.root()
              + ", removed at the end.");
      err.flush();
      return new ShellLauncher(out, err, in, throwaway.env(), processes, console)
          .launch(
              new ShellLauncher.Request(
                  lessons, throwaway.lab().dir(), registry, color, allowRoot, null, defaultCourse));
    } catch (IOException e) {
      err.println("rootless-ctr: could not make a throwaway directory: " + e.getMessage());
      return 1;
    }
  }
}
