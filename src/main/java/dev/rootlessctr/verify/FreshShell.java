package dev.rootlessctr.verify;

import dev.rootlessctr.process.ProcessRunner;
import dev.rootlessctr.shell.ShellLauncher;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code rootless-ctr --fresh}: the shell as usual, but in a {@link Throwaway} home, lab, runc
 * state directory and progress, so that {@code ./rootless-ctr --fresh < steps.txt} starts at the
 * first step every time, gives the same exit status twice, and leaves the user's own untouched.
 */
public final class FreshShell {

  private final PrintWriter out;
  private final PrintWriter err;
  private final InputStream in;

  public FreshShell(PrintWriter out, PrintWriter err, InputStream in) {
    this.out = out;
    this.err = err;
    this.in = in;
  }

  public int launch(Path lessons, String registry, String color) {
    try (Throwaway throwaway = Throwaway.create(System.getenv(), ProcessRunner.system())) {
      err.println("rootless-ctr: --fresh: a throwaway home, lab and progress in " + throwaway.root() + ", removed at the end.");
      err.flush();
      return new ShellLauncher(out, err, in, throwaway.env())
          .launch(new ShellLauncher.Request(lessons, null, registry, color, false));
    } catch (IOException e) {
      err.println("rootless-ctr: could not make a throwaway directory: " + e.getMessage());
      return 1;
    }
  }
}
