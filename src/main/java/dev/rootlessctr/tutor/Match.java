package dev.rootlessctr.tutor;

/**
 * A step whose command a line matches: same program and subcommand, whatever names and state
 * directory the learner chose.
 *
 * @param command which of the step's commands (0-based)
 * @param bindings the learner's names, as this line gives them
 * @param strong whether more than the program name matched: a subcommand ({@code runc run}), or the
 *     whole line; only a strong match names a step the learner is not at
 */
public record Match(Position position, int command, Bindings bindings, boolean strong) {

  /**
   * Whether the line only looks around: the step starts a container to type into (a command with
   * input lines), and this is one of its other commands ({@code ls -l} of the result). Such a line
   * is watched for nothing and explained by none of the step's mistakes, which are about the
   * container.
   */
  public boolean looks() {
    java.util.List<dev.rootlessctr.lesson.Command> commands = position.step().commands();
    return commands.stream().anyMatch(c -> !c.input().isEmpty())
        && commands.get(command).input().isEmpty();
  }

  /** Whether the line did the step's last command (its work), not an earlier preparation. */
  public boolean isLastCommand() {
    return command == position.step().commands().size() - 1;
  }
}
