package dev.rootlessctr.cli;

import java.util.List;
import java.util.Map;

/**
 * The one command-line parser: turns the words into a {@link Command} record, or an {@link
 * InputError} naming the word it could not use. It reads no file and starts nothing.
 */
public final class CommandLine {

  static final String HELP_HINT = "rootless-ctr --help lists the options.";

  public static final String USAGE =
      String.join(
          "\n",
          "usage: rootless-ctr [OPTIONS]            start the tutorial shell",
          "       rootless-ctr doctor [--json]      diagnose this host for rootless containers",
          "       rootless-ctr mirror build|serve|push HOST:PORT",
          "",
          "options:",
          "  --lessons DIR       the course folder (default: lessons/rootless)",
          "  --lab DIR           where commands run (default: ~/rootless-ctr-lab)",
          "  --registry MODE     offline (default: built-in mirror), online (Docker Hub),",
          "                      or workshop=HOST:PORT (the instructor's registry)",
          "  --color WHEN        auto (default), always or never; NO_COLOR is honoured",
          "  --allow-root        run as root anyway (nothing will be rootless)",
          "  -h, --help          this text",
          "",
          ExitCode.HELP);

  /** How a subcommand reads the words after its name, given the shared options before it. */
  interface Subcommand {
    Command parse(Words words, SharedOptions shared) throws InputError;
  }

  /**
   * The subcommands by name; a new one is one line here (and its record). A command that still
   * reads its own words is one line too: {@code Map.entry("lint", OwnWordsCommand.named("lint",
   * (context, args) -> ...))}.
   */
  static final Map<String, Subcommand> SUBCOMMANDS =
      Map.ofEntries(
          Map.entry("doctor", DoctorCommandLine::parse),
          Map.entry("mirror", MirrorCommandLine::parse));

  private CommandLine() {}

  /** Parses {@code args}. */
  public static Command parse(List<String> args) throws InputError {
    Words words = new Words(args);
    SharedOptions shared = new SharedOptions();
    while (words.hasNext()) {
      Words.Arg arg = words.next();
      Subcommand subcommand = arg.inline().isEmpty() ? SUBCOMMANDS.get(arg.name()) : null;
      if (subcommand != null) {
        return subcommand.parse(words, shared);
      }
      if (arg.name().equals("-h") || arg.name().equals("--help")) {
        return new HelpCommand(USAGE);
      }
      if (!shared.take(arg, words)) {
        throw unknown(arg, "");
      }
    }
    return new ShellCommand(shared.options());
  }

  /** The error for a word nobody takes; {@code command} names the subcommand, if any. */
  static InputError unknown(Words.Arg arg, String command) {
    String where = command.isEmpty() ? "" : " for " + command;
    String what = arg.name().startsWith("-") ? "unknown option " : "unknown command ";
    String hint = command.isEmpty() ? HELP_HINT : "rootless-ctr " + command + " --help lists its options.";
    return new InputError(what + arg + where + ".", hint);
  }
}
