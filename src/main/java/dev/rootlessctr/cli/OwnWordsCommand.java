package dev.rootlessctr.cli;

import java.util.List;
import java.util.Set;

/**
 * A subcommand that reads the words after its name itself: the shape of a command moved here from
 * the old {@code switch} in {@code Main} ({@code case "x" -> new X(...).run(rest, out, err)}) until
 * it gets a record of its own, such as {@link DoctorCommandLine}.
 *
 * @param name the subcommand, for messages
 * @param shared the shell's options written before its name (only those it accepts)
 * @param args the words after it, as given
 * @param body what runs it
 */
public record OwnWordsCommand(String name, CourseOptions shared, List<String> args, Body body)
    implements Command {

  /** Runs the subcommand on its words; returns an {@link ExitCode}. */
  public interface Body {
    int run(Context context, CourseOptions shared, List<String> args) throws Exception;
  }

  public OwnWordsCommand {
    args = List.copyOf(args);
  }

  /**
   * The parser entry for such a subcommand, for {@link CommandLine#SUBCOMMANDS}, e.g. {@code
   * Map.entry("lint", OwnWordsCommand.named("lint", Set.of("--lessons"), (c, shared, args) ->
   * ...))}. The shell's options before its name other than {@code accepted} are refused.
   */
  static CommandLine.Subcommand named(String name, Set<String> accepted, Body body) {
    return (words, shared) -> {
      for (String option : shared.given()) {
        if (!accepted.contains(option)) {
          throw new InputError(
              option + " does not apply to " + name + ".",
              "rootless-ctr " + name + " --help lists its options.");
        }
      }
      return new OwnWordsCommand(name, shared.options(), words.rest(), body);
    };
  }

  @Override
  public int run(Context context) throws Exception {
    return body.run(context, shared, args);
  }
}
