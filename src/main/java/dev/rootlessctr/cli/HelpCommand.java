package dev.rootlessctr.cli;

/** {@code --help}: prints {@code text} and succeeds. */
public record HelpCommand(String text) implements Command {

  @Override
  public int run(Context context) {
    context.out().println(text);
    context.out().flush();
    return ExitCode.OK;
  }
}
