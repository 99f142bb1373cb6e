package dev.rootlessctr.cli;

/**
 * One parsed command line, as an immutable record that knows how to build and run its command.
 * {@link CommandLine} makes them; each kind lives in its own file ({@link ShellCommand}, {@link
 * DoctorCommandLine}, {@link MirrorCommandLine}, {@link HelpCommand}).
 *
 * <p>Not sealed on purpose: Java 17 has no exhaustive switch to gain from it, and a new subcommand
 * is then its record plus one line in {@link CommandLine#SUBCOMMANDS}.
 */
public interface Command {

  /**
   * Runs the command; returns an {@link ExitCode}. Throws {@link InputError} for input the learner
   * can fix; anything else is a bug, which the top-level handler reports and logs.
   */
  int run(Context context) throws Exception;
}
