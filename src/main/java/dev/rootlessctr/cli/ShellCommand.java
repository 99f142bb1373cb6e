package dev.rootlessctr.cli;

import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.mirror.RegistryMode;
import dev.rootlessctr.settings.XdgDirs;
import dev.rootlessctr.shell.ShellLauncher;
import dev.rootlessctr.verify.FreshShell;
import java.util.Map;

/**
 * {@code rootless-ctr [OPTIONS]}: the tutorial shell, on the terminal or reading a script.
 *
 * @param fresh in a throwaway home, lab and progress ({@code --fresh}), removed at the end
 * @param record where {@code --record} writes an asciicast of the session
 */
public record ShellCommand(
    CourseOptions options, boolean fresh, java.util.Optional<java.nio.file.Path> record)
    implements Command {

  public ShellCommand(CourseOptions options, boolean fresh) {
    this(options, fresh, java.util.Optional.empty());
  }

  @Override
  public int run(Context context) throws InputError {
    Environment env = context.env();
    Map<String, String> variables = env.variables();
    HostUser user = HostUser.current(variables);
    if (fresh) {
      // The throwaway home has no settings.json: the command line's mode, else offline.
      return new FreshShell(
              context.out(), context.err(), context.in(), variables, env.processes(), env.console())
          .launch(
              CourseInputs.lessons(options.lessons(), env.projectDir()),
              options.registry().orElseGet(RegistryMode::offline),
              options.color(),
              options.allowRoot(),
              CourseInputs.defaultLessons(env.projectDir()));
    }
    ShellLauncher.Request request =
        new ShellLauncher.Request(
            CourseInputs.lessons(options.lessons(), env.projectDir()),
            CourseInputs.lab(options.lab(), user),
            CourseInputs.registry(options.registry(), XdgDirs.from(variables)),
            options.color(),
            options.allowRoot(),
            record.map(p -> p.toAbsolutePath()).orElse(null),
            CourseInputs.defaultLessons(env.projectDir()));
    return new ShellLauncher(
            context.out(), context.err(), context.in(), variables, env.processes(), env.console())
        .launch(request);
  }
}
