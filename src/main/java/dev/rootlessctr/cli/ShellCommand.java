package dev.rootlessctr.cli;

import dev.rootlessctr.lab.HostUser;
import dev.rootlessctr.settings.XdgDirs;
import dev.rootlessctr.shell.ShellLauncher;
import java.util.Map;

/** {@code rootless-ctr [OPTIONS]}: the tutorial shell, on the terminal or reading a script. */
public record ShellCommand(CourseOptions options) implements Command {

  @Override
  public int run(Context context) throws InputError {
    Environment env = context.env();
    Map<String, String> variables = env.variables();
    HostUser user = HostUser.current(variables);
    ShellLauncher.Request request =
        new ShellLauncher.Request(
            CourseInputs.lessons(options.lessons(), env.projectDir()),
            CourseInputs.lab(options.lab(), user),
            CourseInputs.registry(options.registry(), XdgDirs.from(variables)),
            options.color(),
            options.allowRoot());
    return new ShellLauncher(context.out(), context.err(), context.in(), variables, env.processes(), env.console())
        .launch(request);
  }
}
