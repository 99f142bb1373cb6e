package dev.rootlessctr.cli;

import dev.rootlessctr.mirror.MirrorCommand;
import java.util.List;

/**
 * {@code rootless-ctr mirror ...}: the words after {@code mirror}, which the mirror command reads
 * itself ({@code build}, {@code serve [--port N ...]}, {@code push HOST:PORT}).
 */
public record MirrorCommandLine(List<String> args) implements Command {

  public MirrorCommandLine {
    args = List.copyOf(args);
  }

  static Command parse(Words words, SharedOptions shared) throws InputError {
    if (!shared.given().isEmpty()) {
      throw new InputError(
          shared.given().get(0) + " does not apply to mirror.",
          "Write: rootless-ctr mirror build|serve|push HOST:PORT");
    }
    return new MirrorCommandLine(words.rest());
  }

  @Override
  public int run(Context context) {
    Environment env = context.env();
    return new MirrorCommand(env.variables(), env.processes())
        .run(args, context.out(), context.err());
  }
}
