package dev.rootlessctr.cli;

import java.util.List;

/**
 * A subcommand that reads the words after its name itself: the shape of a command moved here
 * from the old {@code switch} in {@code Main} ({@code case "x" -> new X(...).run(rest, out,
 * err)}) until it gets a record of its own, such as {@link DoctorCommandLine}.
 *
 * @param name the subcommand, for messages
 * @param args the words after it, as given
 * @param body what runs it
 */
public record OwnWordsCommand(String name, List<String> args, Body body) implements Command {

  /** Runs the subcommand on its words; returns an {@link ExitCode}. */
  public interface Body {
    int run(Context context, List<String> args) throws Exception;
  }

  public OwnWordsCommand {
    args = List.copyOf(args);
  }

  /**
   * The parser entry for such a subcommand, for {@link CommandLine#SUBCOMMANDS}, e.g. {@code
   * Map.entry("lint", OwnWordsCommand.named("lint", (c, args) -> new Lint(..).run(args,
   * c.out(), c.err())))}. Options of the shell written before its name are refused.
   */
  static CommandLine.Subcommand named(String name, Body body) {
    return (words, shared) -> {
      if (!shared.given().isEmpty()) {
        throw new InputError(shared.given().get(0) + " does not apply to " + name + ".",
            "rootless-ctr " + name + " --help lists its options.");
      }
      return new OwnWordsCommand(name, words.rest(), body);
    };
  }

  @Override
  public int run(Context context) throws Exception {
    return body.run(context, args);
  }
}
