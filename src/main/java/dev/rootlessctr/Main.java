package dev.rootlessctr;

import dev.rootlessctr.cli.CommandLine;
import dev.rootlessctr.cli.Context;
import dev.rootlessctr.cli.Environment;
import dev.rootlessctr.cli.TopLevel;
import dev.rootlessctr.process.ProcessRunner;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Entry point: parses the command line into a command and runs it under the top-level handler. Only
 * {@link #main} touches the process's globals; everything else gets them passed in.
 */
public final class Main {

  private final PrintWriter out;
  private final PrintWriter err;
  private final InputStream in;
  private final Environment env;

  Main(PrintWriter out, PrintWriter err, InputStream in, Environment env) {
    this.out = out;
    this.err = err;
    this.in = in;
    this.env = env;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    String home = System.getProperty("rootlessctr.home"); // set by the launcher script
    Environment env =
        new Environment(
            System.getenv(),
            Path.of(home != null ? home : ".").toAbsolutePath().normalize(),
            System.console() != null,
            ProcessRunner.system());
    Thread.setDefaultUncaughtExceptionHandler(
        TopLevel.forRun(err, env, List.of(args)).forThreads());
    int status = new Main(out, err, System.in, env).run(args);
    out.flush();
    err.flush();
    System.exit(status);
  }

  /** Runs the command {@code args} name; returns its exit code (see {@code cli.ExitCode}). */
  int run(String... args) {
    List<String> words = List.of(args);
    return TopLevel.forRun(err, env, words)
        .run(() -> CommandLine.parse(words).run(new Context(out, err, in, env)));
  }
}
