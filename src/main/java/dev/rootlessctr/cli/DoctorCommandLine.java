package dev.rootlessctr.cli;

import dev.rootlessctr.doctor.DoctorCommand;
import dev.rootlessctr.doctor.DoctorInputs;
import dev.rootlessctr.doctor.HostView;
import dev.rootlessctr.doctor.ReportRenderer;
import dev.rootlessctr.doctor.SpaceMeter;
import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.lab.RuncRoot;
import dev.rootlessctr.lesson.Course;
import dev.rootlessctr.lesson.CourseLoader;
import dev.rootlessctr.lesson.ProbeCatalog;
import dev.rootlessctr.mirror.LabMirror;
import dev.rootlessctr.mirror.RegistryMode;
import dev.rootlessctr.probe.Probes;
import dev.rootlessctr.render.ColorChoice;
import dev.rootlessctr.render.Glyphs;
import dev.rootlessctr.settings.XdgDirs;
import dev.rootlessctr.shell.HostHooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code rootless-ctr doctor [--json]}: the host diagnosis, judged against the same course, lab,
 * runc state directory and registry the shell would use, naming the lessons each finding affects.
 * The built-in mirror is started for its check (and stopped), a workshop registry is asked over the
 * network, online mode has none to ask.
 *
 * @param options the options shared with the shell, written before or after {@code doctor}
 * @param json print a JSON document instead of the table
 */
public record DoctorCommandLine(CourseOptions options, boolean json) implements Command {

  static final String USAGE =
      String.join(
          "\n",
          "usage: rootless-ctr doctor [--json] [--allow-root] [--registry MODE] [--lab DIR]",
          "                           [--lessons DIR|NAME] [--color WHEN]",
          "Diagnoses this host for rootless containers, for the course, lab and registry the shell",
          "would use (the options mean what they mean for the shell; see rootless-ctr --help).",
          "Exit status 0 when nothing blocks the course, 1 when something does, 2 on a usage"
              + " error.");

  private static final int DEFAULT_WIDTH = 80;

  static Command parse(Words words, SharedOptions shared) throws InputError {
    boolean json = false;
    while (words.hasNext()) {
      Words.Arg arg = words.next();
      switch (arg.name()) {
        case "--json" -> {
          words.flag(arg);
          json = true;
        }
        case "-h", "--help" -> {
          return new HelpCommand(USAGE);
        }
        default -> {
          if (!shared.take(arg, words)) {
            throw CommandLine.unknown(arg, "doctor");
          }
        }
      }
    }
    return new DoctorCommandLine(shared.options(), json);
  }

  @Override
  public int run(Context context) throws InputError {
    Environment env = context.env();
    Map<String, String> variables = env.variables();
    HostUser user = HostUser.current(variables);
    // The doctor runs without a course too (from the jar alone): the default course only adds
    // the "affects:" lines. A course named with --lessons must be a good one.
    Path defaultLessons = CourseInputs.defaultLessons(env.projectDir());
    Path lessons =
        options.lessons().isPresent() || Files.isDirectory(defaultLessons)
            ? CourseInputs.lessons(options.lessons(), env.projectDir())
            : null;
    Path lab = CourseInputs.lab(options.lab(), user);
    XdgDirs dirs = XdgDirs.from(variables);
    RegistryMode mode = CourseInputs.registry(options.registry(), dirs);
    Course course = new Course("none", defaultLessons, List.of(), List.of());
    if (lessons != null) {
      try {
        course = new CourseLoader(ProbeCatalog.of(Probes.valueNames())).load(lessons);
      } catch (IOException e) {
        // Without the lessons the report only loses its "affects:" lines.
      }
    }
    try (LabMirror mirror =
        new LabMirror(
            mode, dirs.cache().resolve("images"), Path.of("/bin/busybox"), env.processes())) {
      HostView host =
          HostView.rooted(Path.of("/"), variables, env.processes(), SpaceMeter.fileStore());
      DoctorInputs inputs =
          DoctorInputs.defaults(host)
              .withLabDir(lab)
              .withRuncStateDir(
                  RuncRoot.plan(variables, user.uid(), XdgDirs.from(variables).state(), Path::of)
                      .dir())
              .withMirror(HostHooks.mirrorStatus(mirror, variables))
              .withAllowRoot(options.allowRoot());
      String terminal = env.console() ? variables.getOrDefault("TERM", "xterm") : null;
      boolean colour =
          ColorChoice.wanted(options.color(), variables, terminal)
              && Glyphs.unicode(Glyphs.localeCharset());
      ReportRenderer.Mode look = colour ? ReportRenderer.Mode.COLOUR : ReportRenderer.Mode.PLAIN;
      return new DoctorCommand(inputs, HostHooks.lessonsByTag(course), look, width(variables))
          .run(json, context.out());
    }
  }

  private static int width(Map<String, String> variables) {
    String columns = variables.getOrDefault("COLUMNS", "");
    return columns.matches("\\d{2,3}") ? Integer.parseInt(columns) : DEFAULT_WIDTH;
  }
}
