package dev.rootlessctr;

import dev.rootlessctr.doctor.DoctorCommand;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Arrays;

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
    if (args.length > 0 && args[0].equals("doctor")) {
      return DoctorCommand.forRealHost()
          .run(Arrays.asList(args).subList(1, args.length), out, err);
    }
    out.println("rootless-ctr");
    return 0;
  }
}
