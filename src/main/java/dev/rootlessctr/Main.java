package dev.rootlessctr;

import dev.rootlessctr.lint.LintCommand;
import dev.rootlessctr.lint.NewLessonCommand;
import dev.rootlessctr.mirror.MirrorCommand;
import dev.rootlessctr.process.ProcessRunner;
import dev.rootlessctr.room.RoomCommand;
import dev.rootlessctr.shell.ShellLauncher;
import dev.rootlessctr.verify.FreshShell;
import dev.rootlessctr.verify.VerifyCommand;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Entry point: parses the command line and hands over to the shell or a subcommand. */
public final class Main {

  private final PrintWriter out;
  private final PrintWriter err;
  private final InputStream in;

  Main(PrintWriter out, PrintWriter err, InputStream in) {
    this.out = out;
    this.err = err;
    this.in = in;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int status = new Main(out, err, System.in).run(args);
    out.flush();
    err.flush();
    System.exit(status);
  }

  int run(String[] args) {
    Options options;
    try {
      options = Options.parse(args, projectDir());
    } catch (IllegalArgumentException e) {
      err.println("rootless-ctr: " + e.getMessage());
      err.println(Options.USAGE);
      return 2;
    }
    if (options.help()) {
      out.println(Options.USAGE);
      return 0;
    }
    return switch (options.command()) {
      case "mirror" -> new MirrorCommand(System.getenv(), ProcessRunner.system()).run(options.rest(), out, err);
      case "room" -> new RoomCommand(System.console() != null, java.time.Clock.systemUTC()).run(options.rest(), out, err);
      case "lint" -> new LintCommand(options.lessons()).run(options.rest(), out, err);
      case "new-lesson" -> new NewLessonCommand().run(options.rest(), out, err);
      case "verify" -> new VerifyCommand(System.getenv(), ProcessRunner.system()).run(options.lessons(), options.rest(), out, err);
      case "doctor" -> ShellLauncher.doctor(options.lessons(), options.lab(), options.registry(), options.rest(), out, err);
      default -> options.fresh() ? new FreshShell(out, err, in).launch(options.lessons(), options.registry(), options.color()) : new ShellLauncher(out, err, in).launch(
          new ShellLauncher.Request(options.lessons(), options.lab(), options.registry(), options.color(), options.allowRoot()));
    };
  }

  /** The project folder: set by the launcher script, else the working directory. */
  static Path projectDir() {
    String home = System.getProperty("rootlessctr.home");
    return Path.of(home != null ? home : ".").toAbsolutePath().normalize();
  }
}
